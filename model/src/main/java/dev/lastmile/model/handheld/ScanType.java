package dev.lastmile.model.handheld;

/** What a handheld scan says happened. */
public enum ScanType {
    /** Loaded onto the vehicle at the depot: the parcel is out for delivery. */
    LOAD_OUT,
    /** The driver reached the parcel's stop. */
    ARRIVED,
    DELIVERED,
    FAILED,
    /** Scanned back in at the depot at day end, undelivered. */
    RETURNED_TO_DEPOT;

    /** The driver is done with the stop: the van moves on to the next one. */
    public boolean endsStop() {
        return this == DELIVERED || this == FAILED;
    }
}
