package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;
import java.time.LocalDate;

/** Scanned back in at the depot undelivered without an attempt; it goes into planning for {@code nextDay}. */
public record ParcelBackAtDepot(TrackingId trackingId, long routeId, LocalDate nextDay, Instant at) {
}
