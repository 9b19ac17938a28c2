package dev.lastmile.partners.handoff.control;

import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.parcel.DeliveryPreferences;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.partner.PartnerService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One parcel of a partner's manifest. Offered, it shows what the partner needs to decide (where roughly, how heavy,
 * which service, what it pays); accepted, also who receives it and where exactly, since the partner now delivers it.
 * Never the recipient's e-mail address: the carrier writes to recipients itself; and nothing of the recipient once the
 * parcel is delivered, returned or recalled.
 */
public record ManifestLine(String trackingId, String state, String service, double weightKg, String postcode,
                           String town, String country, String offeredAt, BigDecimal price, String partnerReference,
                           String recipientName, String recipientPhone, String addressLine, Double latitude,
                           Double longitude, String instructions, String safePlace, String neighbour) {

    static ManifestLine of(PartnerOffer offer, Optional<Handoff> handoff, ZoneId zone) {
        Parcel parcel = offer.parcel();
        String service = PartnerService.forDelivery(parcel.deliveryDate(),
                LocalDate.ofInstant(parcel.registeredAt(), zone)).name();
        BigDecimal price = offer.priceBase() == null ? null : offer.priceBase().add(offer.priceSurcharge());
        // Contact data only while the partner carries the parcel: not once delivered, returned or recalled.
        if (handoff.isEmpty() || !handoff.get().isOpen()) {
            String state = handoff.map(h -> h.recalledAt().isPresent() ? "RECALLED" : h.status().map(Enum::name).orElse("ACCEPTED"))
                    .orElse("OFFERED");
            return new ManifestLine(parcel.trackingId().value(), state, service, parcel.weightKg(),
                    parcel.address().postcode().value(), parcel.address().town(), parcel.address().postcode().country(),
                    offer.offeredAt().toString(), price, handoff.map(Handoff::partnerReference).orElse(null), null, null, null,
                    null, null, null, null, null);
        }
        Handoff accepted = handoff.get();
        DeliveryPreferences wishes = parcel.preferences();
        return new ManifestLine(parcel.trackingId().value(), accepted.status().map(Enum::name).orElse("ACCEPTED"), service,
                parcel.weightKg(), parcel.address().postcode().value(), parcel.address().town(),
                parcel.address().postcode().country(), offer.offeredAt().toString(), price, accepted.partnerReference(),
                parcel.recipient().name(), parcel.recipient().phone(), parcel.address().line(),
                parcel.isPlaced() ? parcel.location().latitude() : null, parcel.isPlaced() ? parcel.location().longitude() : null,
                wishes.instructions(), wishes.safePlace(), wishes.neighbour());
    }
}
