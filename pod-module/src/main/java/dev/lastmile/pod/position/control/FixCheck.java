package dev.lastmile.pod.position.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.live.Fix;
import dev.lastmile.pod.position.boundary.PositionBatch;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Checks one fix on its own and against the fix before it. A refused fix names its reason; the fixes around it are
 * still taken, so one bad reading never costs the rest of an offline day.
 */
final class FixCheck {

    /** Handheld clocks drift: a fix from further ahead than this is refused. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** Readings closer than their accuracy say nothing about speed: GPS jitter is not movement. */
    private static final double JITTER_FLOOR_METRES = 50;

    private final double maxSpeedKmh;
    private final Duration retention;

    FixCheck(double maxSpeedKmh, Duration retention) {
        this.maxSpeedKmh = maxSpeedKmh;
        this.retention = retention;
    }

    Fix parse(PositionBatch.Fix raw, Instant now) throws Refused {
        if (raw == null || raw.at() == null || raw.latitude() == null || raw.longitude() == null) {
            throw new Refused("position-incomplete", "a fix needs at, latitude and longitude");
        }
        Instant at;
        try {
            at = Instant.parse(raw.at());
        } catch (DateTimeParseException e) {
            throw new Refused("position-time-invalid", "at must be an ISO-8601 instant such as 2026-12-02T09:15:00Z");
        }
        if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new Refused("position-in-future", "the fix is from the future (" + raw.at() + ")");
        }
        if (at.isBefore(now.minus(retention))) {
            throw new Refused("position-too-old", "the fix is older than positions are kept (" + retention.toDays() + " days)");
        }
        GeoPoint point;
        try {
            point = new GeoPoint(raw.latitude(), raw.longitude());
        } catch (IllegalArgumentException e) {
            throw new Refused("position-out-of-range", e.getMessage());
        }
        if (raw.accuracyM() != null && !(raw.accuracyM() >= 0)) {
            throw new Refused("position-accuracy-invalid", "accuracyM must be zero or more");
        }
        if (raw.speedKmh() != null && !(raw.speedKmh() >= 0 && raw.speedKmh() <= maxSpeedKmh)) {
            throw new Refused("position-impossible-speed", "speedKmh must be between 0 and " + (int) maxSpeedKmh);
        }
        return new Fix(point, at, raw.accuracyM(), raw.speedKmh());
    }

    /** A van cannot have covered the way from the fix before faster than the speed limit allows. */
    void plausibleAfter(Fix previous, Fix fix) throws Refused {
        double metres = previous.at().kilometresTo(fix.at()) * 1000;
        double slack = Math.max(JITTER_FLOOR_METRES, accuracy(previous) + accuracy(fix));
        double seconds = Math.max(1, Duration.between(previous.fixedAt(), fix.fixedAt()).toMillis() / 1000.0);
        double kmh = Math.max(0, metres - slack) / seconds * 3.6;
        if (kmh > maxSpeedKmh) {
            throw new Refused("position-impossible-speed", String.format(java.util.Locale.ROOT,
                    "%.0f m in %.0f s since the fix before is %.0f km/h", metres, seconds, kmh));
        }
    }

    private static double accuracy(Fix fix) {
        return fix.accuracyMetres() == null ? 0 : fix.accuracyMetres();
    }

    /** A fix the check refuses, with its reason. */
    static final class Refused extends Exception {

        private final String problem;

        Refused(String problem, String detail) {
            super(detail, null, false, false);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }
}
