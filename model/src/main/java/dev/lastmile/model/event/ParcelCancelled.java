package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** The shipper cancelled the parcel; whoever was offered or carries it must hear of it. */
public record ParcelCancelled(TrackingId trackingId, Instant at) {
}
