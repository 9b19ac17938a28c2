package dev.lastmile.model.handoff;

/** What a partner 3PL reports of a parcel it took over, in the order the parcel may go through them. */
public enum PartnerStatus {
    PICKED_UP,
    OUT_FOR_DELIVERY,
    ATTEMPT_FAILED,
    DELIVERED,
    /** The partner brought the parcel back to the carrier (recalled, or undeliverable). */
    RETURNED_TO_CARRIER;

    /** Nothing follows a delivery or a return. */
    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED_TO_CARRIER;
    }

    /** Whether this status may come after {@code previous} ({@code null}: just accepted). */
    public boolean mayFollow(PartnerStatus previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous) {
            case PICKED_UP, ATTEMPT_FAILED -> this != PICKED_UP;
            case OUT_FOR_DELIVERY -> this != PICKED_UP && this != OUT_FOR_DELIVERY;
            case DELIVERED, RETURNED_TO_CARRIER -> false;
        };
    }
}
