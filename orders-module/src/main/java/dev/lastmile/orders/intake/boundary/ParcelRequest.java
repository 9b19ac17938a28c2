package dev.lastmile.orders.intake.boundary;

/**
 * What a shipper sends to register a parcel. Every field is a wrapper type so that a missing field
 * is reported by name instead of becoming a silent zero.
 */
public record ParcelRequest(String shipperReference, RecipientPart recipient, AddressPart address, Double weightKg,
                            Double volumeLitres, String deliveryDate, SlotPart timeSlot, Double declaredValue,
                            PreferencesPart preferences) {

    /** {@code language}: ISO 639-1 code of the recipient's notifications (en, de); English if absent. */
    public record RecipientPart(String name, String email, String phone, String language) {
    }

    public record AddressPart(String line, String town, String postcode, String country, Double latitude,
                              Double longitude) {
    }

    public record SlotPart(String from, String to) {
    }

    public record PreferencesPart(String instructions, String safePlace, String neighbour, String locker,
                                  Boolean contactless) {
    }
}
