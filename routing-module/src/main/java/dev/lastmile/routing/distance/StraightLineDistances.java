package dev.lastmile.routing.distance;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Great-circle distance times a circuity factor, driven at a fixed average speed per kind of vehicle. Needs no map
 * data, so it works anywhere; symmetric, and blind to rivers, one-way streets and hills.
 *
 * @param circuity how much longer than the straight line the road is, at least 1
 * @param speedsKmh the average speed of each kind of vehicle, in km/h
 */
public record StraightLineDistances(double circuity, Map<VehicleType, Double> speedsKmh) implements DistanceSource {

    /** Roads are longer than straight lines; 1.3 is a common urban circuity factor. */
    public static final double URBAN_CIRCUITY = 1.3;

    public StraightLineDistances {
        if (!(circuity >= 1) || Double.isInfinite(circuity)) throw new IllegalArgumentException("circuity must be >= 1");
        speedsKmh = new EnumMap<>(speedsKmh);
        for (VehicleType type : VehicleType.values()) {
            Double speed = speedsKmh.get(type);
            if (speed == null || !(speed > 0) || speed.isInfinite()) {
                throw new IllegalArgumentException("a positive speed is needed for " + type);
            }
        }
        speedsKmh = Map.copyOf(speedsKmh);
    }

    /** Urban circuity, and each vehicle type's {@linkplain VehicleType#urbanSpeedKmh() urban speed}. */
    public static StraightLineDistances urban() {
        Map<VehicleType, Double> speeds = new EnumMap<>(VehicleType.class);
        for (VehicleType type : VehicleType.values()) speeds.put(type, type.urbanSpeedKmh());
        return new StraightLineDistances(URBAN_CIRCUITY, speeds);
    }

    @Override
    public DistanceMatrix matrix(List<GeoPoint> points, VehicleType vehicle) {
        int size = points.size();
        double metresPerSecond = metresPerSecond(vehicle);
        double[] metres = new double[size * size];
        double[] seconds = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double m = i == j ? 0 : roadMetres(points.get(i), points.get(j));
                metres[i * size + j] = m;
                seconds[i * size + j] = m / metresPerSecond;
            }
        }
        return new DistanceMatrix(size, metres, seconds);
    }

    /** Straight segments from stop to stop; the length is the circuity-corrected one, as in the matrix. */
    @Override
    public RouteGeometry geometry(List<GeoPoint> stops, VehicleType vehicle) {
        double metres = 0;
        for (int i = 1; i < stops.size(); i++) {
            metres += roadMetres(stops.get(i - 1), stops.get(i));
        }
        return new RouteGeometry(stops, metres, metres / metresPerSecond(vehicle), "");
    }

    private double roadMetres(GeoPoint from, GeoPoint to) {
        return from.kilometresTo(to) * 1000 * circuity;
    }

    private double metresPerSecond(VehicleType vehicle) {
        return speedsKmh.get(vehicle) / 3.6;
    }
}
