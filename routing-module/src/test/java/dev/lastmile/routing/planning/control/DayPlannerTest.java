package dev.lastmile.routing.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.fleet.DistanceModel;
import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.routing.distance.StraightLineDistances;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedRoute;
import dev.lastmile.routing.planning.solver.Objective;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The day as the depot plans it: every rule checked on the returned plan, not on the solver's word. */
class DayPlannerTest {

    private static final GeoPoint DEPOT = new GeoPoint(51.5290, -0.2640);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static DayInput.Crew van(long id, Double litres, Double rangeKm) {
        return new DayInput.Crew(id, "VAN " + id, rangeKm == null ? VehicleType.VAN : VehicleType.ELECTRIC_VAN, 500, 60, litres,
                rangeKm, 20, 0.3, 0, rangeKm == null ? 200 : 0, 100 + id, "Driver " + id, LocalTime.of(8, 0),
                LocalTime.of(18, 0), 30, LocalTime.of(12, 0), LocalTime.of(13, 0), 15);
    }

    private static DayInput.Load parcel(long id, double northKm, double kg, Double litres, TimeSlot slot) {
        return new DayInput.Load(id, "T" + id, new GeoPoint(DEPOT.latitude() + northKm / 111.0, DEPOT.longitude()), kg, litres, slot);
    }

    private static PlannedDay plan(List<DayInput.Crew> crews, List<DayInput.Load> loads) {
        DayInput input = new DayInput("LON1", DEPOT, DAY, LocalTime.of(7, 0), LocalTime.of(20, 0), DistanceModel.STRAIGHT_LINE,
                DAY.atTime(8, 0), crews, loads);
        return new DayPlanner(StraightLineDistances.urban(), Duration.ofSeconds(1), false, Objective.FEWEST_VEHICLES_THEN_COST)
                .plan(input, p -> { }, () -> false);
    }

    @Test
    void loadSpaceBindsWhenWeightDoesNot() {
        List<DayInput.Load> loads = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            loads.add(parcel(i, 0.5 * i, 2, 30.0, null));
        }
        PlannedDay day = plan(List.of(van(1, 100.0, null), van(2, 100.0, null)), loads);
        assertEquals(2, day.routes().size(), day.toString());
        for (PlannedRoute route : day.routes()) {
            assertTrue(route.stops().size() * 30 <= 100, route.toString());
        }
        assertTrue(day.unassigned().isEmpty());
    }

    @Test
    void fewestVehiclesFirstAndCostsAndEmissionsFollowTheKilometres() {
        List<DayInput.Load> loads = List.of(parcel(1, 1, 1, null, null), parcel(2, 2, 1, null, null), parcel(3, 3, 1, null, null));
        PlannedDay day = plan(List.of(van(1, null, null), van(2, null, null)), loads);
        assertEquals(1, day.routes().size(), "one van suffices");
        PlannedRoute route = day.routes().get(0);
        assertEquals(route.distanceKm() * 200 / 1000, route.co2Kg(), 0.02);
        double hours = java.time.Duration.between(LocalDateTime.parse(route.departure()), LocalDateTime.parse(route.returnsAt()))
                .toSeconds() / 3600.0;
        assertEquals(20 + 0.3 * route.distanceKm() + 15 * hours, route.cost(), 0.05);
        double previous = Double.MAX_VALUE;
        for (PlannedDay.PlannedStop stop : route.stops()) {
            assertTrue(stop.loadKgAfter() < previous);
            previous = stop.loadKgAfter();
        }
        assertEquals(0, previous, 1e-9);
    }

    @Test
    void everyParcelLeftOutSaysWhy() {
        List<DayInput.Load> loads = List.of(parcel(1, 1, 600, null, null),
                parcel(2, 1, 1, null, new TimeSlot(LocalTime.of(21, 0), LocalTime.of(22, 0))),
                parcel(3, 25, 1, null, null),
                parcel(4, 1, 1, null, null));
        PlannedDay day = plan(List.of(van(1, null, 40.0)), loads);
        Map<Long, String> codes = day.unassigned().stream().collect(Collectors.toMap(PlannedDay.Unassigned::parcelId,
                PlannedDay.Unassigned::code));
        assertEquals(Map.of(1L, "TOO_HEAVY", 2L, "SLOT_UNREACHABLE", 3L, "OUT_OF_RANGE"), codes, day.toString());
        assertEquals(List.of(4L), day.routes().get(0).stops().stream().map(PlannedDay.PlannedStop::parcelId).toList());
        assertTrue(day.routes().get(0).distanceKm() <= 40);
    }

    @Test
    void aRouteOverMiddayTakesTheBreakInItsWindowAndKeepsSlots() {
        List<DayInput.Load> loads = new ArrayList<>();
        loads.add(parcel(1, 2, 1, null, new TimeSlot(LocalTime.of(11, 0), LocalTime.of(11, 30))));
        loads.add(parcel(2, 2.2, 1, null, new TimeSlot(LocalTime.of(14, 0), LocalTime.of(15, 0))));
        PlannedDay day = plan(List.of(van(1, null, null)), loads);
        PlannedRoute route = day.routes().get(0);
        LocalDateTime breakAt = LocalDateTime.parse(route.breakAt());
        assertTrue(!breakAt.toLocalTime().isBefore(LocalTime.of(12, 0)) && !breakAt.toLocalTime().isAfter(LocalTime.of(13, 0)),
                route.toString());
        for (PlannedDay.PlannedStop stop : route.stops()) {
            LocalTime eta = LocalDateTime.parse(stop.eta()).toLocalTime();
            TimeSlot slot = loads.get((int) stop.parcelId() - 1).slot();
            assertTrue(!eta.isBefore(slot.from()) && !eta.isAfter(slot.to()), stop + " in " + slot);
        }
        assertTrue(!LocalDateTime.parse(route.returnsAt()).toLocalTime().isAfter(LocalTime.of(18, 0)));
    }

    @Test
    void aReturnCollectedOnTheWayAddsLoadSoItComesAfterTheDeliveryThatMakesRoom() {
        DayInput.Crew small = new DayInput.Crew(1, "BIKE", VehicleType.CARGO_BIKE, 10, 10, null, null, 0, 0.1, 0, 0, 101,
                "Rider", LocalTime.of(8, 0), LocalTime.of(18, 0), 0, LocalTime.of(12, 0), LocalTime.of(13, 0), 10);
        DayInput.Load delivery = parcel(1, 1, 6, null, null);
        DayInput.Load pickup = new DayInput.Load(2, "R2", new GeoPoint(DEPOT.latitude() + 0.5 / 111.0, DEPOT.longitude()),
                6, null, null, 77L);
        PlannedDay day = plan(List.of(small), List.of(pickup, delivery));
        List<PlannedDay.PlannedStop> stops = day.routes().get(0).stops();
        assertEquals(List.of("DELIVERY", "PICKUP"), stops.stream().map(PlannedDay.PlannedStop::kind).toList(), day.toString());
        assertEquals(List.of(0.0, 6.0), stops.stream().map(PlannedDay.PlannedStop::loadKgAfter).toList());
        assertEquals(77L, stops.get(1).returnId());
    }
}
