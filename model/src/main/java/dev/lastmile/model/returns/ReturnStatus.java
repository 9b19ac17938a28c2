package dev.lastmile.model.returns;

/** Steps of a return; later ones (picked up, received, inspected, settled) come with the returns issue. */
public enum ReturnStatus {
    OPENED
}
