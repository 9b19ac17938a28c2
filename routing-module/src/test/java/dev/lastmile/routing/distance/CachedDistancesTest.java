package dev.lastmile.routing.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedDistancesTest {

    /** Counts how often the cache had to ask. */
    private static final class CountingSource implements DistanceSource {
        int matrices;

        @Override
        public DistanceMatrix matrix(List<GeoPoint> points, VehicleType vehicle) {
            matrices++;
            return StraightLineDistances.urban().matrix(points, vehicle);
        }

        @Override
        public RouteGeometry geometry(List<GeoPoint> stops, VehicleType vehicle) {
            return StraightLineDistances.urban().geometry(stops, vehicle);
        }
    }

    private final CountingSource source = new CountingSource();

    private static List<GeoPoint> stops(int count, double latitude) {
        List<GeoPoint> stops = new ArrayList<>();
        for (int i = 0; i < count; i++) stops.add(new GeoPoint(latitude + i * 0.001, 2.35));
        return stops;
    }

    @Test
    void sameStopsInTheSameOrderForTheSameVehicleAreServedFromTheCache() {
        CachedDistances cached = new CachedDistances(source, 10_000);
        DistanceMatrix first = cached.matrix(stops(10, 48.8), VehicleType.VAN);
        DistanceMatrix second = cached.matrix(stops(10, 48.8), VehicleType.VAN);
        assertSame(first, second);
        assertEquals(1, source.matrices);
        assertEquals(1, cached.hits());
        assertEquals(1, cached.misses());
    }

    @Test
    void anotherOrderOrAnotherVehicleIsAnotherMatrix() {
        CachedDistances cached = new CachedDistances(source, 10_000);
        List<GeoPoint> stops = stops(10, 48.8);
        cached.matrix(stops, VehicleType.VAN);
        cached.matrix(stops, VehicleType.CARGO_BIKE);
        List<GeoPoint> reversed = new ArrayList<>(stops);
        Collections.reverse(reversed);
        cached.matrix(reversed, VehicleType.VAN);
        assertEquals(3, source.matrices);
        assertEquals(0, cached.hits());
    }

    @Test
    void leastRecentlyUsedMatricesMakeRoomOnceTheEntriesRunOut() {
        CachedDistances cached = new CachedDistances(source, 250);
        List<GeoPoint> monday = stops(10, 48.8);
        List<GeoPoint> tuesday = stops(10, 48.9);
        List<GeoPoint> wednesday = stops(10, 49.0);
        cached.matrix(monday, VehicleType.VAN);
        cached.matrix(tuesday, VehicleType.VAN);
        cached.matrix(monday, VehicleType.VAN);
        cached.matrix(wednesday, VehicleType.VAN);
        assertEquals(3, source.matrices, "100 + 100 + 100 entries > 250: tuesday, used least recently, went");
        cached.matrix(monday, VehicleType.VAN);
        cached.matrix(tuesday, VehicleType.VAN);
        assertEquals(4, source.matrices);
    }

    @Test
    void matrixLargerThanTheWholeCacheIsNotKept() {
        CachedDistances cached = new CachedDistances(source, 50);
        DistanceMatrix first = cached.matrix(stops(10, 48.8), VehicleType.VAN);
        assertNotSame(first, cached.matrix(stops(10, 48.8), VehicleType.VAN));
        assertEquals(2, source.matrices);
    }
}
