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
    HANDED_TO_PARTNER,
    HELD_AT_DEPOT,
    RETURNING_TO_SENDER;

    /**
     * A driver's proof of delivery is evidence: it is accepted from every state in which the parcel
     * can physically be with a driver or at the depot counter, even if an earlier scan is still on
     * its way from an offline handheld.
     */
    public Set<ParcelStatus> next() {
        return switch (this) {
            case AWAITING_ADDRESS -> EnumSet.of(REGISTERED);
            case REGISTERED -> EnumSet.of(PLANNED, OUT_FOR_DELIVERY, DELIVERED, HANDED_TO_PARTNER);
            case PLANNED -> EnumSet.of(PLANNED, REGISTERED, OUT_FOR_DELIVERY, DELIVERED, HANDED_TO_PARTNER,
                    HELD_AT_DEPOT, RETURNING_TO_SENDER);
            case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, REGISTERED, HELD_AT_DEPOT, RETURNING_TO_SENDER);
            case HELD_AT_DEPOT -> EnumSet.of(DELIVERED, REGISTERED, RETURNING_TO_SENDER);
            case DELIVERED, HANDED_TO_PARTNER, RETURNING_TO_SENDER -> EnumSet.noneOf(ParcelStatus.class);
        };
    }

    public boolean canBecome(ParcelStatus target) {
        return next().contains(target);
    }
}
