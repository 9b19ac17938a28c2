package dev.lastmile.model.parcel;

import java.util.EnumSet;
import java.util.Set;

/** Where a parcel is in its journey; the allowed next steps encode the carrier's process. */
public enum ParcelStatus {
    DELIVERED,
    HANDED_TO_PARTNER,
    OUT_FOR_DELIVERY,
    PLANNED,
    REGISTERED;

    public Set<ParcelStatus> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(PLANNED, HANDED_TO_PARTNER);
            case PLANNED -> EnumSet.of(PLANNED, OUT_FOR_DELIVERY, HANDED_TO_PARTNER);
            case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED);
            case DELIVERED, HANDED_TO_PARTNER -> EnumSet.noneOf(ParcelStatus.class);
        };
    }

    public boolean canBecome(ParcelStatus target) {
        return next().contains(target);
    }
}
