package dev.lastmile.model.live;

import dev.lastmile.model.geo.GeoPoint;
import java.time.Instant;

/** One GPS fix of a handheld, checked: where, when, how exact, how fast (both optional, as devices report them). */
public record Fix(GeoPoint at, Instant fixedAt, Double accuracyMetres, Double speedKmh) {
}
