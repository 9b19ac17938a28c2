package dev.lastmile.routing.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Road distances in Andorra (map data © OpenStreetMap contributors, ODbL), on the extract in shared/data/osm. */
class RoadNetworkDistancesTest {

    /** The extract lives beside the project; the test fails, rather than skips, when it is missing. */
    static final Path ANDORRA = Path.of("../../shared/data/osm/andorra.osm.pbf");
    static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5075, 1.5218);
    static final GeoPoint ENCAMP = new GeoPoint(42.5353, 1.5827);
    static final GeoPoint GULF_OF_LION = new GeoPoint(43.0, 3.6);

    @TempDir
    static Path graphs;
    static RoadNetworkDistances roads;

    @BeforeAll
    static void importAndorra() {
        assertTrue(Files.isReadable(ANDORRA), "test data missing: " + ANDORRA.toAbsolutePath().normalize());
        long start = System.nanoTime();
        roads = RoadNetworkDistances.open(new RoadNetworkDistances.Settings(ANDORRA, graphs));
        System.out.printf("Andorra imported with van and cargo bike profiles in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void close() {
        roads.close();
    }

    @Test
    void roadFromAndorraLaVellaToEncampIsLongerThanTheStraightLineAndPlausible() {
        DistanceMatrix matrix = roads.matrix(List.of(ANDORRA_LA_VELLA, ENCAMP), VehicleType.VAN);
        double straight = ANDORRA_LA_VELLA.kilometresTo(ENCAMP) * 1000;
        assertTrue(matrix.metres(0, 1) >= straight, matrix.metres(0, 1) + " m by road, " + straight + " m straight");
        // 5.8 km as the crow flies; about 7 km along the CG-2 through Escaldes-Engordany
        assertTrue(matrix.metres(0, 1) > 6_500 && matrix.metres(0, 1) < 14_000, matrix.metres(0, 1) + " m");
        System.out.printf("Andorra la Vella -> Encamp: %.0f m by road (%.0f s), %.0f m straight; back %.0f m%n",
                matrix.metres(0, 1), matrix.seconds(0, 1), straight, matrix.metres(1, 0));
        double kmh = matrix.metres(0, 1) / matrix.seconds(0, 1) * 3.6;
        assertTrue(kmh > 20 && kmh < 90, "average " + kmh + " km/h");
    }

    @Test
    void cargoBikeTakesLongerThanAVanOverTheSameTrip() {
        List<GeoPoint> trip = List.of(ANDORRA_LA_VELLA, ENCAMP);
        DistanceMatrix van = roads.matrix(trip, VehicleType.VAN);
        DistanceMatrix bike = roads.matrix(trip, VehicleType.CARGO_BIKE);
        assertTrue(bike.seconds(0, 1) > van.seconds(0, 1), bike.seconds(0, 1) + " s by bike, " + van.seconds(0, 1) + " s by van");
        assertTrue(bike.metres(0, 1) / bike.seconds(0, 1) * 3.6 <= 25.01, "cargo bikes ride at most 25 km/h");
    }

    @Test
    void electricVanDrivesTheVanNetwork() {
        List<GeoPoint> trip = List.of(ANDORRA_LA_VELLA, ENCAMP);
        assertEquals(roads.matrix(trip, VehicleType.VAN).metres(0, 1), roads.matrix(trip, VehicleType.ELECTRIC_VAN).metres(0, 1));
    }

    @Test
    void matrixHasZeroDiagonalAndMayDifferByDirection() {
        List<GeoPoint> stops = stopsInTheValleys(25, 3);
        DistanceMatrix matrix = roads.matrix(stops, VehicleType.VAN);
        int asymmetric = 0;
        for (int i = 0; i < stops.size(); i++) {
            assertEquals(0, matrix.metres(i, i));
            assertEquals(0, matrix.seconds(i, i));
            for (int j = 0; j < stops.size(); j++) {
                if (i != j) assertTrue(matrix.metres(i, j) > 0 && matrix.seconds(i, j) > 0, "leg " + i + "->" + j);
                if (Math.abs(matrix.metres(i, j) - matrix.metres(j, i)) > 1) asymmetric++;
            }
        }
        assertTrue(asymmetric > 0, "one-way streets make some legs longer one way than the other");
    }

    @Test
    void geometryRunsFromTheFirstStopThroughTheOthersToTheLast() {
        GeoPoint escaldes = new GeoPoint(42.5100, 1.5390);
        List<GeoPoint> stops = List.of(ANDORRA_LA_VELLA, escaldes, ENCAMP);
        RouteGeometry geometry = roads.geometry(stops, VehicleType.VAN);
        List<GeoPoint> line = geometry.points();
        assertTrue(line.get(0).kilometresTo(ANDORRA_LA_VELLA) < 0.2, "starts at " + line.get(0));
        assertTrue(line.get(line.size() - 1).kilometresTo(ENCAMP) < 0.2, "ends at " + line.get(line.size() - 1));
        assertTrue(line.stream().anyMatch(p -> p.kilometresTo(escaldes) < 0.2), "passes the middle stop");
        DistanceMatrix matrix = roads.matrix(stops, VehicleType.VAN);
        assertEquals(matrix.metres(0, 1) + matrix.metres(1, 2), geometry.metres(), 1);
        assertEquals(RouteGeometry.OPENSTREETMAP, geometry.attribution());
        assertTrue(geometry.encodedPolyline().length() > line.size(), "a polyline of " + line.size() + " points");
    }

    @Test
    void stopInTheSeaIsRefusedByPosition() {
        StopOffRoadNetwork refused = assertThrows(StopOffRoadNetwork.class,
                () -> roads.matrix(List.of(ANDORRA_LA_VELLA, GULF_OF_LION, ENCAMP), VehicleType.VAN));
        assertEquals(List.of(1), refused.stops());
        assertThrows(StopOffRoadNetwork.class, () -> roads.geometry(List.of(GULF_OF_LION, ENCAMP), VehicleType.CARGO_BIKE));
    }

    @Test
    void stopFarFromAnyRoadIsRefusedEvenInsideTheExtract() {
        GeoPoint pic = new GeoPoint(42.5900, 1.4450);
        assertEquals(List.of(0), assertThrows(StopOffRoadNetwork.class,
                () -> roads.matrix(List.of(pic, ENCAMP), VehicleType.VAN)).stops());
    }

    @Test
    void secondRequestForTheSameStopsIsServedFromTheCache() {
        CachedDistances cached = new CachedDistances(roads, 1_000_000);
        List<GeoPoint> stops = stopsInTheValleys(30, 5);
        long start = System.nanoTime();
        DistanceMatrix first = cached.matrix(stops, VehicleType.VAN);
        long computed = (System.nanoTime() - start) / 1000;
        start = System.nanoTime();
        DistanceMatrix second = cached.matrix(new ArrayList<>(stops), VehicleType.VAN);
        long micros = (System.nanoTime() - start) / 1000;
        assertTrue(first == second, "the same matrix object");
        assertEquals(1, cached.hits());
        assertEquals(1, cached.misses());
        System.out.printf("30x30 matrix computed in %d µs, then from the cache in %d µs%n", computed, micros);
    }

    @Test
    void secondStartLoadsTheImportedGraphInsteadOfImportingAgain() throws IOException {
        Map<Path, FileTime> before = graphFiles();
        long start = System.nanoTime();
        try (RoadNetworkDistances again = RoadNetworkDistances.open(new RoadNetworkDistances.Settings(ANDORRA, graphs))) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("imported graph loaded in %d ms%n", millis);
            assertEquals(roads.matrix(List.of(ANDORRA_LA_VELLA, ENCAMP), VehicleType.VAN).metres(0, 1),
                    again.matrix(List.of(ANDORRA_LA_VELLA, ENCAMP), VehicleType.VAN).metres(0, 1));
        }
        assertEquals(before, graphFiles(), "no graph file written again");
    }

    @Test
    void hundredByHundredMatrix() {
        List<GeoPoint> stops = stopsInTheValleys(100, 11);
        for (VehicleType vehicle : List.of(VehicleType.VAN, VehicleType.CARGO_BIKE)) {
            long start = System.nanoTime();
            DistanceMatrix matrix = roads.matrix(stops, vehicle);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("100x100 %s matrix in %d ms%n", vehicle, millis);
            assertEquals(100, matrix.size());
            assertTrue(matrix.travelMatrix().distance(0, 99) == matrix.metres(0, 99));
        }
    }

    /** Random stops in the built-up valleys around Andorra la Vella, Escaldes and Encamp, each near a road. */
    static List<GeoPoint> stopsInTheValleys(int count, long seed) {
        Random random = new Random(seed);
        List<GeoPoint> stops = new ArrayList<>();
        while (stops.size() < count) {
            GeoPoint candidate = new GeoPoint(42.50 + random.nextDouble() * 0.04, 1.51 + random.nextDouble() * 0.08);
            try {
                roads.matrix(List.of(candidate), VehicleType.CARGO_BIKE);
                roads.matrix(List.of(candidate), VehicleType.VAN);
                stops.add(candidate);
            } catch (StopOffRoadNetwork offRoad) {
                // a mountainside; draw again
            }
        }
        return stops;
    }

    private static Map<Path, FileTime> graphFiles() throws IOException {
        try (Stream<Path> files = Files.walk(graphs)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(f -> f, f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
