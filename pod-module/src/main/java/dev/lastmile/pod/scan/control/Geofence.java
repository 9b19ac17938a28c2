package dev.lastmile.pod.scan.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
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

    /** Before the route left (less a margin) or long after its last planned stop. */
    public Optional<String> outsideRouteTime(Route route, Instant at) {
        Instant departure = route.departure().atZone(zone).toInstant();
        Instant lastEta = route.stops().stream().map(Stop::eta).max(Comparator.naturalOrder())
                .orElse(route.departure()).atZone(zone).toInstant();
        if (at.isBefore(departure.minus(earlyMargin))) {
            return Optional.of("Recorded at " + at + ", before route " + route.id() + " left at " + departure + ".");
        }
        if (at.isAfter(lastEta.plus(lateMargin))) {
            return Optional.of("Recorded at " + at + ", more than " + lateMargin.toHours() + " h after the last planned stop ("
                    + lastEta + ").");
        }
        return Optional.empty();
    }
}
