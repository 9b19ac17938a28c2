package dev.lastmile.routing.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StraightLineDistancesTest {

    private static final GeoPoint KINGS_CROSS = new GeoPoint(51.5308, -0.1238);
    private static final GeoPoint CLAPHAM = new GeoPoint(51.4613, -0.1386);
    private static final GeoPoint GREENWICH = new GeoPoint(51.4826, -0.0077);

    @Test
    void roadIsTheGreatCircleTimesTheCircuityDrivenAtTheVehiclesSpeed() {
        DistanceMatrix matrix = StraightLineDistances.urban().matrix(List.of(KINGS_CROSS, CLAPHAM, GREENWICH), VehicleType.VAN);
        double metres = KINGS_CROSS.kilometresTo(CLAPHAM) * 1000 * 1.3;
        assertEquals(metres, matrix.metres(0, 1), 1e-6);
        assertEquals(metres / (25 / 3.6), matrix.seconds(0, 1), 1e-6);
        assertEquals(matrix.metres(1, 2), matrix.metres(2, 1));
        assertEquals(0, matrix.metres(2, 2));
        assertEquals(0, matrix.seconds(2, 2));
    }

    @Test
    void cargoBikeTakesLongerOverTheSameDistance() {
        List<GeoPoint> trip = List.of(KINGS_CROSS, CLAPHAM);
        DistanceMatrix van = StraightLineDistances.urban().matrix(trip, VehicleType.VAN);
        DistanceMatrix bike = StraightLineDistances.urban().matrix(trip, VehicleType.CARGO_BIKE);
        assertEquals(van.metres(0, 1), bike.metres(0, 1));
        assertEquals(van.seconds(0, 1) * 25 / 15, bike.seconds(0, 1), 1e-6);
    }

    @Test
    void geometryIsTheStopsThemselvesWithTheMatrixLength() {
        List<GeoPoint> stops = List.of(KINGS_CROSS, CLAPHAM, GREENWICH);
        StraightLineDistances straight = StraightLineDistances.urban();
        RouteGeometry geometry = straight.geometry(stops, VehicleType.ELECTRIC_VAN);
        DistanceMatrix matrix = straight.matrix(stops, VehicleType.ELECTRIC_VAN);
        assertEquals(stops, geometry.points());
        assertEquals(matrix.metres(0, 1) + matrix.metres(1, 2), geometry.metres(), 1e-6);
        assertEquals(matrix.seconds(0, 1) + matrix.seconds(1, 2), geometry.seconds(), 1e-6);
        assertEquals("", geometry.attribution());
    }

    @Test
    void needsACircuityOfAtLeastOneAndASpeedForEveryVehicleType() {
        Map<VehicleType, Double> all = Map.of(VehicleType.VAN, 30.0, VehicleType.ELECTRIC_VAN, 30.0, VehicleType.CARGO_BIKE, 18.0);
        assertThrows(IllegalArgumentException.class, () -> new StraightLineDistances(0.9, all));
        assertThrows(IllegalArgumentException.class, () -> new StraightLineDistances(1.3, Map.of(VehicleType.VAN, 30.0)));
        assertThrows(IllegalArgumentException.class, () -> new StraightLineDistances(1.3,
                Map.of(VehicleType.VAN, 30.0, VehicleType.ELECTRIC_VAN, 0.0, VehicleType.CARGO_BIKE, 18.0)));
        assertEquals(18.0, new StraightLineDistances(1.2, all).speedsKmh().get(VehicleType.CARGO_BIKE));
    }
}
