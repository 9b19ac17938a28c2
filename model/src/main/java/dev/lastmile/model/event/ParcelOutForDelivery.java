package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/** The vehicle carrying the parcel left the depot; the recipient may expect it in the ETA window. */
public record ParcelOutForDelivery(TrackingId trackingId, long routeId, LocalDateTime etaFrom, LocalDateTime etaTo,
                                   Instant at) {

    /** Recipients get a one-hour window centred on the planned arrival. */
    static final Duration HALF_WINDOW = Duration.ofMinutes(30);

    public static ParcelOutForDelivery around(TrackingId trackingId, long routeId, LocalDateTime eta, Instant at) {
        return new ParcelOutForDelivery(trackingId, routeId, eta.minus(HALF_WINDOW), eta.plus(HALF_WINDOW), at);
    }
}
