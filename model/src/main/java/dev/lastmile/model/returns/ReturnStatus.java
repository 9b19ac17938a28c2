package dev.lastmile.model.returns;

/** Steps of a return; later ones (picked up, received, inspected, settled) come with the returns issue. */
public enum ReturnStatus {
    OPENED,
    /** A customer's return is on a route: a driver collects it at the recipient's address. */
    PICKUP_PLANNED
}
