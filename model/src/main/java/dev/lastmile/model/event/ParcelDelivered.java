package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** A driver recorded proof of delivery. */
public record ParcelDelivered(TrackingId trackingId, long proofId, String receivedBy, Instant at) {
}
