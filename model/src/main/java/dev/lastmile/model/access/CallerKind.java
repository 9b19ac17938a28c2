package dev.lastmile.model.access;

/** Which credential a caller presented. */
public enum CallerKind {
    ANONYMOUS, STAFF, PARTNER, SHIPPER, DEVICE
}
