package dev.lastmile.returns.opening.boundary;

/** A customer's or shipper's request to send a delivered parcel back. */
public record ReturnRequest(String trackingId, String reason) {
}
