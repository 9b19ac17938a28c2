package dev.lastmile.model.event;

import java.time.Instant;

/**
 * A route's van moved or finished a stop: its remaining ETAs may have changed. {@code at} is when it happened on
 * the handheld (a replayed offline batch forecasts from its own time, not from the upload's).
 */
public record RouteProgressed(long routeId, Instant at, Cause cause) {

    public enum Cause {
        POSITION, STOP_DONE
    }
}
