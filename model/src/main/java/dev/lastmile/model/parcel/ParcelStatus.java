package dev.lastmile.model.parcel;

import java.util.EnumSet;
import java.util.Set;

/** Where a parcel is in its journey; the allowed next steps encode the carrier's process. */
public enum ParcelStatus {
    /** Registered, but neither the shipper nor the gazetteer gave a location: staff must place it. */
    AWAITING_ADDRESS,
    REGISTERED,
    PLANNED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    /** The carrier will not deliver it itself and no partner 3PL has it yet: on the staff's list. */
    AWAITING_PARTNER,
    /** Offered to a partner 3PL, which has not accepted it yet; planning leaves it alone. */
    OFFERED_TO_PARTNER,
    /** A partner 3PL accepted it and delivers it; its status reports come back through the partner API. */
    HANDED_TO_PARTNER,
    HELD_AT_DEPOT,
    RETURNING_TO_SENDER,
    /** The shipper called it off before it went out; a partner carrying it brings it back. */
    CANCELLED;

    /**
     * A driver's proof of delivery is evidence: it is accepted from every state in which the parcel
     * can physically be with a driver or at the depot counter, even if an earlier scan is still on
     * its way from an offline handheld.
     */
    public Set<ParcelStatus> next() {
        return switch (this) {
            case AWAITING_ADDRESS -> EnumSet.of(REGISTERED, CANCELLED);
            case REGISTERED -> EnumSet.of(PLANNED, OUT_FOR_DELIVERY, DELIVERED, AWAITING_PARTNER, OFFERED_TO_PARTNER,
                    HANDED_TO_PARTNER, CANCELLED);
            case PLANNED -> EnumSet.of(PLANNED, REGISTERED, OUT_FOR_DELIVERY, DELIVERED, HANDED_TO_PARTNER,
                    HELD_AT_DEPOT, RETURNING_TO_SENDER);
            case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, REGISTERED, HELD_AT_DEPOT, RETURNING_TO_SENDER);
            case HELD_AT_DEPOT -> EnumSet.of(DELIVERED, REGISTERED, AWAITING_PARTNER, OFFERED_TO_PARTNER,
                    RETURNING_TO_SENDER, CANCELLED);
            case AWAITING_PARTNER -> EnumSet.of(OFFERED_TO_PARTNER, REGISTERED, RETURNING_TO_SENDER, CANCELLED);
            // Offered again to another partner after a refusal; back to the depot when recalled.
            case OFFERED_TO_PARTNER -> EnumSet.of(OFFERED_TO_PARTNER, HANDED_TO_PARTNER, AWAITING_PARTNER, REGISTERED,
                    RETURNING_TO_SENDER, CANCELLED);
            // The partner delivers it, or brings it back (recalled, or given up on by the failed-attempt policy).
            case HANDED_TO_PARTNER -> EnumSet.of(DELIVERED, REGISTERED, RETURNING_TO_SENDER, CANCELLED);
            case DELIVERED, RETURNING_TO_SENDER, CANCELLED -> EnumSet.noneOf(ParcelStatus.class);
        };
    }

    public boolean canBecome(ParcelStatus target) {
        return next().contains(target);
    }
}
