package dev.lastmile.reports.label;

/** Builds labels for tests: a planned parcel to a London address, unless told otherwise. */
final class ParcelLabelBuilder {

    private String trackingId = "050600000000000429";
    private String recipientName = "Ada Lovelace";
    private String postcode = "NW1 6XE";
    private String slot = "10:00-12:00";
    private String sortCode = ParcelLabel.sortCode(3, 12);
    private boolean pinRequired;

    static ParcelLabelBuilder aLabel() {
        return new ParcelLabelBuilder();
    }

    ParcelLabelBuilder tracking(String trackingId) {
        this.trackingId = trackingId;
        return this;
    }

    ParcelLabelBuilder to(String recipientName, String postcode) {
        this.recipientName = recipientName;
        this.postcode = postcode;
        return this;
    }

    ParcelLabelBuilder withoutSlot() {
        this.slot = null;
        return this;
    }

    ParcelLabelBuilder unplanned() {
        this.sortCode = null;
        return this;
    }

    ParcelLabelBuilder highValue() {
        this.pinRequired = true;
        return this;
    }

    ParcelLabel build() {
        return new ParcelLabel(trackingId, "Northwind Books", recipientName, "12 Baker Street", "London",
                postcode, "United Kingdom", "2026-12-01", slot, 2.4, "LON1", sortCode, pinRequired);
    }
}
