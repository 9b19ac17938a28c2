package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.proof.DeliveryMethod;
import java.time.Instant;

/** A driver recorded proof of delivery. */
public record ParcelDelivered(TrackingId trackingId, long proofId, DeliveryMethod method, String receivedBy, Instant at) {
}
