package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** A published plan left the parcel off every route, for {@code reason} (the planner's, e.g. NO_CAPACITY_LEFT). */
public record ParcelLeftUnplaced(TrackingId trackingId, String reason, Instant at) {
}
