package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;
import java.time.LocalDateTime;

/** The vehicle carrying the parcel left the depot; the recipient may expect it in the ETA window. */
public record ParcelOutForDelivery(TrackingId trackingId, long routeId, LocalDateTime etaFrom, LocalDateTime etaTo,
                                   Instant at) {
}
