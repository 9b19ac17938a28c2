package dev.lastmile.orders.intake.boundary;

import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import java.math.BigDecimal;

/** A parcel as its shipper sees it, including the delivery PIN to pass on to the recipient of a high-value parcel. */
public record ParcelView(String trackingId, String status, String shipperReference, String recipientName,
                         AddressView address, double weightKg, String deliveryDate, SlotView timeSlot, String depot,
                         String registeredAt, BigDecimal declaredValue, String deliveryPin, int failedAttempts) {

    /** Latitude and longitude are null while the address awaits placing (status AWAITING_ADDRESS). */
    public record AddressView(String line, String town, String postcode, String country, Double latitude,
                              Double longitude) {
    }

    public record SlotView(String from, String to) {
    }

    /** For staff: the PIN is between shipper and recipient. */
    public ParcelView withoutPin() {
        return new ParcelView(trackingId, status, shipperReference, recipientName, address, weightKg, deliveryDate, timeSlot,
                depot, registeredAt, declaredValue, null, failedAttempts);
    }

    public static ParcelView of(Parcel parcel) {
        DeliveryAddress address = parcel.address();
        return new ParcelView(parcel.trackingId().value(), parcel.status().name(), parcel.shipperReference().orElse(null),
                parcel.recipient().name(),
                new AddressView(address.line(), address.town(), address.postcode().value(), address.postcode().country(),
                        address.location() == null ? null : address.location().latitude(),
                        address.location() == null ? null : address.location().longitude()),
                parcel.weightKg(), parcel.deliveryDate().toString(),
                parcel.slot().map(s -> new SlotView(s.from().toString(), s.to().toString())).orElse(null),
                parcel.depot() == null ? null : parcel.depot().code(), parcel.registeredAt().toString(), parcel.declaredValue().orElse(null),
                parcel.deliveryPin().orElse(null), parcel.failedAttempts());
    }
}
