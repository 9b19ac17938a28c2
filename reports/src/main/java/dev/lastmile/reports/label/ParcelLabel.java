package dev.lastmile.reports.label;

import java.util.Objects;

/**
 * What goes on a parcel's 4x6 inch label. Texts arrive formatted for print; the label does not
 * know the parcel entity, so any module can print one.
 *
 * @param deliveryDate the planned delivery day as printed, e.g. {@code 2026-12-01}
 * @param slot the booked time slot, e.g. {@code 10:00-12:00}; null when none was booked
 * @param sortCode route and stop once the parcel is planned, see {@link #sortCode(int, int)};
 *     null while it is not
 * @param pinRequired high-value parcels are handed over only against the recipient's PIN
 */
public record ParcelLabel(String trackingId, String shipper, String recipientName, String addressLine,
        String town, String postcode, String country, String deliveryDate, String slot, double weightKg,
        String depotCode, String sortCode, boolean pinRequired) {

    public ParcelLabel {
        if (trackingId == null || trackingId.isBlank()) {
            throw new IllegalArgumentException("a label needs a tracking id");
        }
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(addressLine, "addressLine");
        Objects.requireNonNull(town, "town");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(deliveryDate, "deliveryDate");
        Objects.requireNonNull(depotCode, "depotCode");
        if (!(weightKg > 0)) {
            throw new IllegalArgumentException("weight must be positive, was " + weightKg + " kg");
        }
    }

    /** The sorter's code for a planned parcel: route number, then the stop's place in the route, {@code R03 · 12}. */
    public static String sortCode(int route, int stopSequence) {
        return String.format("R%02d · %d", route, stopSequence);
    }

    public boolean planned() {
        return sortCode != null;
    }
}
