package dev.lastmile.model.tracking;

/** The public status codes of a parcel's timeline (see docs/architecture.md for their meaning). */
public enum TrackingCode {
    CREATED,
    ADDRESS_NEEDS_ATTENTION,
    ADDRESS_PLACED,
    LABEL_PRINTED,
    DELIVERY_CHOICE_CHANGED,
    PLANNED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    HANDED_TO_PARTNER,
    RETURN_OPENED,
    ATTEMPT_FAILED,
    RESCHEDULED,
    HELD_AT_DEPOT,
    RETURNING_TO_SENDER,
    BACK_AT_DEPOT,
    CANCELLED
}
