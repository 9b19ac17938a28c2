package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** Staff sent a parcel back to its shipper; the returns module opens the return shipment. The reason is the staff's, for the audit. */
public record ReturnToSenderOrdered(TrackingId trackingId, String reason, Instant at) {
}
