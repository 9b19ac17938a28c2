package dev.lastmile.routing.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.routing.distance.DistanceMatrix;
import dev.lastmile.routing.distance.DistanceSource;
import dev.lastmile.routing.distance.RouteGeometry;
import dev.lastmile.routing.distance.StopOffRoadNetwork;
import dev.lastmile.routing.distance.StraightLineDistances;
import dev.lastmile.routing.planning.control.RoutePlanner.Call;
import dev.lastmile.routing.planning.control.RoutePlanner.Destination;
import dev.lastmile.routing.planning.control.RoutePlanner.Plan;
import dev.lastmile.routing.planning.control.RoutePlanner.Tour;
import dev.lastmile.routing.planning.control.RoutePlanner.Van;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the planner's routes against the rules directly, not against the solver's own bookkeeping. */
class RoutePlannerTest {

    private static final GeoPoint DEPOT = new GeoPoint(51.529, -0.264);
    private static final LocalDateTime EIGHT = LocalDateTime.of(2026, 12, 1, 8, 0);
    private final RoutePlanner planner = new RoutePlanner(Duration.ofSeconds(1));

    private static List<Destination> londonDay(int count, long seed) {
        Random random = new Random(seed);
        TimeSlot[] slots = {null, new TimeSlot(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new TimeSlot(LocalTime.of(12, 0), LocalTime.of(16, 0)), new TimeSlot(LocalTime.of(16, 0), LocalTime.of(20, 0))};
        List<Destination> day = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            day.add(new Destination(i + 1, new GeoPoint(51.48 + random.nextDouble() * 0.08, -0.30 + random.nextDouble() * 0.2),
                    0.5 + random.nextDouble() * 9, slots[random.nextInt(slots.length)]));
        }
        return day;
    }

    @Test
    void everyParcelIsPlacedOnceWithinCapacityAndItsSlot() {
        List<Destination> day = londonDay(60, 7);
        List<Van> vans = List.of(new Van(1, 200, 20, 25), new Van(2, 200, 20, 25), new Van(3, 120, 25, 25));
        Plan plan = planner.plan(DEPOT, EIGHT, vans, day);
        Map<Long, Destination> byId = day.stream().collect(Collectors.toMap(Destination::parcelId, Function.identity()));
        Map<Long, Van> vanById = vans.stream().collect(Collectors.toMap(Van::vehicleId, Function.identity()));
        int placed = 0;
        for (Tour tour : plan.tours()) {
            Van van = vanById.get(tour.vehicleId());
            double kg = tour.calls().stream().mapToDouble(c -> byId.get(c.parcelId()).weightKg()).sum();
            assertTrue(kg <= van.capacityKg(), "van " + van.vehicleId() + " carries " + kg + " kg");
            assertTrue(tour.calls().size() <= van.capacityParcels());
            LocalDateTime previous = EIGHT;
            for (Call call : tour.calls()) {
                TimeSlot slot = byId.get(call.parcelId()).slot();
                if (slot != null) {
                    assertFalse(call.eta().toLocalTime().isBefore(slot.from()), "early at " + call);
                    assertFalse(call.eta().toLocalTime().isAfter(slot.to()), "late at " + call);
                }
                assertTrue(call.eta().isAfter(previous), "ETAs follow the stop order");
                previous = call.eta();
            }
            assertTrue(previous.isBefore(EIGHT.plus(RoutePlanner.WORKING_DAY)));
            placed += tour.calls().size();
        }
        assertEquals(day.size(), placed + plan.unplaced().size());
        assertEquals(day.size(), plan.tours().stream().flatMap(t -> t.calls().stream()).map(Call::parcelId).distinct().count()
                + plan.unplaced().size(), "no parcel twice");
        assertTrue(plan.unplaced().isEmpty(), plan.unplaced().toString());
    }

    @Test
    void saysWhyAParcelFoundNoPlace() {
        Destination tooHeavy = new Destination(1, new GeoPoint(51.52, -0.2), 500, null);
        Destination tooEarly = new Destination(2, new GeoPoint(51.52, -0.21), 2, new TimeSlot(LocalTime.of(6, 0), LocalTime.of(7, 0)));
        Destination fine = new Destination(3, new GeoPoint(51.52, -0.22), 2, null);
        Plan plan = planner.plan(DEPOT, EIGHT, List.of(new Van(9, 100, 10, 25)), List.of(tooHeavy, tooEarly, fine));
        assertEquals("too heavy for any vehicle", plan.unplaced().get(1L));
        assertEquals("time slot ends before the vehicles leave the depot", plan.unplaced().get(2L));
        assertEquals(List.of(3L), plan.tours().get(0).calls().stream().map(Call::parcelId).toList());
    }

    @Test
    void withoutVehiclesNothingIsPlanned() {
        Plan plan = planner.plan(DEPOT, EIGHT, List.of(), londonDay(3, 1));
        assertEquals(3, plan.unplaced().size());
        assertTrue(plan.tours().isEmpty());
    }

    @Test
    void beatsGoingToTheNearestParcelNext() {
        List<Destination> day = londonDay(80, 11).stream()
                .map(d -> new Destination(d.parcelId(), d.location(), d.weightKg(), null)).toList();
        List<Van> vans = List.of(new Van(1, 1000, 100, 25));
        double planned = distance(planner.plan(DEPOT, EIGHT, vans, day));
        double greedy = nearestNeighbourKilometres(day);
        assertTrue(planned < greedy, "planner " + planned + " km vs nearest neighbour " + greedy + " km");
    }

    @Test
    void plansWithTheTravelOfAnyDistanceSource() {
        List<Destination> day = londonDay(30, 5);
        DistanceSource doubled = new StraightLineDistances(2.6, StraightLineDistances.urban().speedsKmh());
        List<Van> vans = List.of(new Van(1, 500, 50, 25), new Van(2, 500, 50, 25));
        Plan plan = new RoutePlanner(Duration.ofMillis(500), doubled, VehicleType.VAN).plan(DEPOT, EIGHT, vans, day);
        Call first = plan.tours().get(0).calls().get(0);
        GeoPoint firstStop = day.stream().filter(d -> d.parcelId() == first.parcelId()).findFirst().orElseThrow().location();
        assertEquals(DEPOT.kilometresTo(firstStop) * 2.6, first.kilometresFromPrevious(), 1e-9);
        assertEquals(day.size(), plan.tours().stream().mapToInt(t -> t.calls().size()).sum());
    }

    @Test
    void parcelWhoseAddressNoRoadReachesStaysUnplacedAndTheRestIsPlanned() {
        GeoPoint lake = new GeoPoint(51.50, -0.16);
        DistanceSource roads = offRoadAt(lake);
        List<Destination> day = new ArrayList<>(londonDay(12, 3));
        day.add(new Destination(99, lake, 1, null));
        Plan plan = new RoutePlanner(Duration.ofMillis(300), roads, VehicleType.VAN).plan(DEPOT, EIGHT,
                List.of(new Van(1, 500, 50, 25)), day);
        assertEquals(Map.of(99L, "no road the vehicle may use reaches the address"), plan.unplaced());
        assertEquals(12, plan.tours().get(0).calls().size());
    }

    @Test
    void depotThatNoRoadReachesIsAnError() {
        RoutePlanner planner = new RoutePlanner(Duration.ofMillis(300), offRoadAt(DEPOT), VehicleType.VAN);
        List<Van> vans = List.of(new Van(1, 500, 50, 25));
        assertThrows(StopOffRoadNetwork.class, () -> planner.plan(DEPOT, EIGHT, vans, londonDay(3, 1)));
    }

    /** Straight lines, except that no road comes near {@code offRoad}. */
    private static DistanceSource offRoadAt(GeoPoint offRoad) {
        return new DistanceSource() {
            @Override
            public DistanceMatrix matrix(List<GeoPoint> points, VehicleType vehicle) {
                refuse(points);
                return StraightLineDistances.urban().matrix(points, vehicle);
            }

            @Override
            public RouteGeometry geometry(List<GeoPoint> stops, VehicleType vehicle) {
                refuse(stops);
                return StraightLineDistances.urban().geometry(stops, vehicle);
            }

            private void refuse(List<GeoPoint> points) {
                if (points.contains(offRoad)) throw new StopOffRoadNetwork(List.of(points.indexOf(offRoad)), "test");
            }
        };
    }

    private static double distance(Plan plan) {
        return plan.tours().stream().mapToDouble(t -> t.kilometresBack()
                + t.calls().stream().mapToDouble(Call::kilometresFromPrevious).sum()).sum();
    }

    private static double nearestNeighbourKilometres(List<Destination> day) {
        List<Destination> open = new ArrayList<>(day);
        GeoPoint here = DEPOT;
        double km = 0;
        while (!open.isEmpty()) {
            GeoPoint from = here;
            Destination next = open.stream().min((a, b) -> Double.compare(from.kilometresTo(a.location()),
                    from.kilometresTo(b.location()))).orElseThrow();
            km += here.kilometresTo(next.location()) * RoutePlanner.CIRCUITY;
            here = next.location();
            open.remove(next);
        }
        return km + here.kilometresTo(DEPOT) * RoutePlanner.CIRCUITY;
    }
}
