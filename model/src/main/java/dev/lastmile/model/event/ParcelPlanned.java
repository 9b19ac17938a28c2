package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;
import java.time.LocalDateTime;

/** Routing put a parcel on a route of its delivery day. */
public record ParcelPlanned(TrackingId trackingId, long routeId, String vehicle, LocalDateTime eta, Instant at) {
}
