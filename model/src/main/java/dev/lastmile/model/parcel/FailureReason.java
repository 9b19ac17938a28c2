package dev.lastmile.model.parcel;

/** Why a driver could not deliver, as the handheld offers it. */
public enum FailureReason {
    NOT_AT_HOME,
    NO_ACCESS,
    ADDRESS_NOT_FOUND,
    REFUSED,
    DAMAGED,
    BUSINESS_CLOSED,
    UNSAFE_TO_LEAVE
}
