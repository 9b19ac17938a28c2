package dev.lastmile.routing.distance;

import dev.lastmile.model.geo.GeoPoint;
import java.util.List;

/**
 * The line a route follows, with its length and drive time. A geometry from the road network is derived from
 * OpenStreetMap data (ODbL 1.0): whatever shows it must show {@link #attribution()} with it.
 *
 * @param attribution the credit the data's licence requires next to the route, empty when none is needed
 */
public record RouteGeometry(List<GeoPoint> points, double metres, double seconds, String attribution) {

    public static final String OPENSTREETMAP = "© OpenStreetMap contributors";

    public RouteGeometry {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a route geometry needs at least one point");
        if (!(metres >= 0) || !(seconds >= 0)) throw new IllegalArgumentException("length and time must be >= 0");
    }

    /** The points in Google's encoded polyline format with five decimals, as map libraries read it. */
    public String encodedPolyline() {
        StringBuilder encoded = new StringBuilder();
        long previousLat = 0;
        long previousLon = 0;
        for (GeoPoint point : points) {
            long lat = Math.round(point.latitude() * 1e5);
            long lon = Math.round(point.longitude() * 1e5);
            appendSigned(encoded, lat - previousLat);
            appendSigned(encoded, lon - previousLon);
            previousLat = lat;
            previousLon = lon;
        }
        return encoded.toString();
    }

    private static void appendSigned(StringBuilder encoded, long delta) {
        long value = delta < 0 ? ~(delta << 1) : delta << 1;
        while (value >= 0x20) {
            encoded.append((char) ((0x20 | (value & 0x1f)) + 63));
            value >>= 5;
        }
        encoded.append((char) (value + 63));
    }
}
