package dev.lastmile.pod.scan.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Tells deliveries that staff should review: too far from the address, or outside the route's time. */
public record Geofence(double maxMetres, Duration earlyMargin, Duration lateMargin, ZoneId zone) {

    public Optional<String> tooFar(GeoPoint address, GeoPoint recorded, Double accuracyMetres) {
        double metres = address.kilometresTo(recorded) * 1000;
        if (metres <= maxMetres) {
            return Optional.empty();
        }
        return Optional.of(String.format("Recorded %.0f m from the address (limit %.0f m%s).", metres, maxMetres,
                accuracyMetres == null ? "" : String.format(", GPS accuracy %.0f m", accuracyMetres)));
    }

    /** Before the route left (less a margin) or long after the stop's planned arrival. */
    public Optional<String> outsideRouteTime(Stop stop, Instant at) {
        Route route = stop.route();
        Instant departure = route.departure().atZone(zone).toInstant();
        Instant planned = stop.eta().atZone(zone).toInstant();
        if (at.isBefore(departure.minus(earlyMargin))) {
            return Optional.of("Recorded at " + at + ", before route " + route.id() + " left at " + departure + ".");
        }
        if (at.isAfter(planned.plus(lateMargin))) {
            return Optional.of("Recorded at " + at + ", more than " + lateMargin.toHours() + " h after the planned arrival ("
                    + planned + ").");
        }
        return Optional.empty();
    }
}
