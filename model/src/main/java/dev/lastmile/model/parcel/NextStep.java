package dev.lastmile.model.parcel;

/** What follows a failed delivery attempt. */
public enum NextStep {
    /** Back into planning for the next delivery day. */
    REATTEMPT,
    /** Kept at the depot (or its pickup point) for the recipient to collect, until a date. */
    HOLD_AT_DEPOT,
    /** Given up: the parcel goes back to its shipper. */
    RETURN_TO_SENDER
}
