package dev.lastmile.routing.planning.solver;

import static dev.lastmile.routing.planning.solver.PlanarDay.Stop.at;
import static dev.lastmile.routing.planning.solver.PlanarDay.aDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.routing.planning.solver.Unassigned.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A carrier's fleet: what the solver plans, judged by the independent {@link RouteChecker}. */
class FleetPlanningTest {

    private final Solver solver = new Solver();

    private Solution solve(Problem problem) {
        return solver.solve(problem, Duration.ofMillis(300), 11);
    }

    /** The solution passes the checker, apart from the customers it lists as unassigned. */
    private static Solution checked(Problem problem, Solution s) {
        List<String> expected = s.unassignedVisits().stream().map(c -> "customer " + c + " served 0 times").toList();
        RouteChecker.Report r = RouteChecker.check(problem, s);
        assertEquals(expected, r.violations());
        assertEquals(r.cost(), s.totalCost(), 1e-6);
        return s;
    }

    private static Route routeOf(Solution s, int customer) {
        return s.routes().stream().filter(r -> r.visits().contains(customer)).findFirst().orElseThrow();
    }

    private static Schedule scheduleOf(Solution s, int customer) {
        return routeOf(s, customer).schedule().orElseThrow();
    }

    @Test
    void volumeCanBindWhileWeightStillFits() {
        // 40 kg fit one van, 80 litres do not.
        Problem problem = aDay().measuredIn("kg", "litres").vehicles(2, Vehicle.withCapacity(100, 50))
                .with(at(10, 0).delivering(10, 20), at(0, 10).delivering(10, 20), at(-10, 0).delivering(10, 20),
                        at(0, -10).delivering(10, 20))
                .minimising(Objective.FEWEST_VEHICLES_THEN_COST).problem();
        Solution s = checked(problem, solve(problem));
        assertEquals(2, s.vehiclesUsed());
        for (Route r : s.routes()) assertArrayEquals(new int[] {20, 40}, r.schedule().orElseThrow().loadAtStart());
    }

    @Test
    void aRouteLeavesLateEnoughNotToWaitForTheFirstSlot() {
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10)).with(at(10, 0).between(50, 60).serviceTaking(5)).problem();
        Schedule day = scheduleOf(checked(problem, solve(problem)), 1);
        assertEquals(40, day.start(), 1e-9);
        Call call = day.calls().get(0);
        assertEquals(50, call.arrival(), 1e-9);
        assertEquals(50, call.serviceStart(), 1e-9);
        assertEquals(55, call.departure(), 1e-9);
        assertEquals(65, day.end(), 1e-9);
        assertEquals(25, day.duration(), 1e-9);
    }

    @Test
    void aVehicleNeitherLeavesBeforeItsShiftStartsNorReturnsAfterItEnds() {
        // The early van's shift ends before it could be back from customer 1; the late van starts at 100.
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10).withShift(0, 50))
                .vehicle(Vehicle.withCapacity(10).withShift(100, 400)).with(at(30, 0)).problem();
        Solution s = checked(problem, solve(problem));
        Route route = routeOf(s, 1);
        assertEquals(1, route.vehicle());
        assertEquals(130, route.schedule().orElseThrow().calls().get(0).arrival(), 1e-9);
    }

    @Test
    void theDepotsHoursBoundEveryShift() {
        Problem problem = aDay().depotOpen(0, 50).vehicle(Vehicle.withCapacity(10).withShift(0, 400))
                .with(at(30, 0), at(5, 0)).problem();
        Solution s = checked(problem, solve(problem));
        assertEquals(List.of(new Unassigned(1, Reason.SLOT_UNREACHABLE, List.of())), s.unassigned());
    }

    @Test
    void theBreakIsTakenInsideItsWindowAndDelaysWhatFollows() {
        // Served from 10 to 30 and 40 to 60 (in either order) without a break, back at 80.
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10).withBreak(new DriverBreak(35, 60, 30)))
                .with(at(10, 0).serviceTaking(20), at(20, 0).serviceTaking(20)).problem();
        Schedule day = scheduleOf(checked(problem, solve(problem)), 1);
        BreakTaken rest = day.driverBreak().orElseThrow();
        assertEquals(40, rest.start(), 1e-9);
        assertEquals(70, rest.end(), 1e-9);
        assertEquals(110, day.end(), 1e-9);
        Call afterBreak = day.calls().get(rest.callsBefore());
        assertTrue(afterBreak.serviceStart() >= rest.end() - 1e-9, day.toString());
    }

    @Test
    void waitingForASlotAbsorbsTheBreak() {
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10).withBreak(new DriverBreak(20, 150, 30)))
                .with(at(10, 0).between(100, 200).serviceTaking(10)).problem();
        Schedule day = scheduleOf(checked(problem, solve(problem)), 1);
        assertEquals(new BreakTaken(0, 1, 20, 50), day.driverBreak().orElseThrow());
        assertEquals(100, day.calls().get(0).serviceStart(), 1e-9);
        assertEquals(120, day.end(), 1e-9);
    }

    @Test
    void aRouteBackBeforeTheBreakWindowNeedsNoBreak() {
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10).withBreak(new DriverBreak(500, 600, 30)))
                .with(at(10, 0)).problem();
        assertTrue(scheduleOf(checked(problem, solve(problem)), 1).driverBreak().isEmpty());
    }

    @Test
    void rangeForcesASecondVan() {
        // Each round trip is 80, both customers on one route 160.
        PlanarDay day = aDay().with(at(40, 0), at(-40, 0)).minimising(Objective.FEWEST_VEHICLES_THEN_COST);
        Problem unlimited = aDay().with(at(40, 0), at(-40, 0)).minimising(Objective.FEWEST_VEHICLES_THEN_COST)
                .vehicles(2, Vehicle.withCapacity(10)).problem();
        assertEquals(1, checked(unlimited, solve(unlimited)).vehiclesUsed());
        Problem electric = day.vehicles(2, Vehicle.withCapacity(10).withMaxDistance(100)).problem();
        Solution s = checked(electric, solve(electric));
        assertEquals(2, s.vehiclesUsed());
        for (Route r : s.routes()) assertEquals(80, r.schedule().orElseThrow().distance(), 1e-9);
    }

    @Test
    void collectionsAddLoadSoTheyComeAfterTheDeliveries() {
        // Delivering 8 first leaves room for the 8 collected; collecting first would mean 16 on board.
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10))
                .with(at(10, 0).collecting(8), at(10, 10).delivering(8)).problem();
        Schedule day = scheduleOf(checked(problem, solve(problem)), 1);
        assertEquals(List.of(2, 1), day.calls().stream().map(Call::visit).toList());
        assertArrayEquals(new int[] {8}, day.loadAtStart());
        assertArrayEquals(new int[] {0}, day.calls().get(0).loadAfter());
        assertArrayEquals(new int[] {8}, day.calls().get(1).loadAfter());
    }

    @Test
    void aCargoBikeTakesTheSmallParcelsAndTheVanTheHeavyOne() {
        // The bike is slower (time factor 1.5) but cheap per distance; only the van carries 100 kg.
        Vehicle bike = Vehicle.withCapacity(20).withTimeFactor(1.5).withMaxDistance(30).withCost(new VehicleCost(0, 0.5, 0));
        Vehicle van = Vehicle.withCapacity(500).withCost(new VehicleCost(0, 2, 0));
        Problem problem = aDay().vehicle(bike).vehicle(van)
                .with(at(5, 0).delivering(5), at(0, 5).delivering(5), at(-8, 0).delivering(100)).problem();
        Solution s = checked(problem, solve(problem));
        assertEquals(0, routeOf(s, 1).vehicle());
        assertEquals(0, routeOf(s, 2).vehicle());
        assertEquals(1, routeOf(s, 3).vehicle());
        Schedule ride = scheduleOf(s, 1);
        assertEquals(1.5 * ride.distance(), ride.driveTime(), 1e-9);
        assertEquals(0.5 * ride.distance(), ride.cost(), 1e-9);
    }

    @Test
    void customersThatCannotBeServedAreListedWithTheReason() {
        Problem problem = aDay().measuredIn("kg", "litres").depotOpen(0, 250)
                .vehicle(Vehicle.withCapacity(100, 500).withShift(0, 200).withMaxDistance(150))
                .with(at(5, 0).delivering(150, 10),      // 1: heavier than the van
                        at(50, 0).between(0, 10),        // 2: cannot be reached by 10
                        at(5, 5).between(300, 400),      // 3: slot after the depot closes
                        at(80, 0),                       // 4: round trip of 160, range 150
                        at(10, 0).delivering(60, 10),    // 5 and 6: fit alone, not together
                        at(-10, 0).delivering(60, 10))
                .problem();
        Solution s = checked(problem, solve(problem));
        Map<Integer, Unassigned> byVisit = s.unassigned().stream().collect(Collectors.toMap(Unassigned::visit, u -> u));
        assertEquals(new Unassigned(1, Reason.TOO_HEAVY, List.of("kg")), byVisit.get(1));
        assertEquals(Reason.SLOT_UNREACHABLE, byVisit.get(2).reason());
        assertEquals(Reason.SLOT_UNREACHABLE, byVisit.get(3).reason());
        assertEquals(Reason.OUT_OF_RANGE, byVisit.get(4).reason());
        assertEquals(5, byVisit.size());
        Unassigned leftOver = byVisit.containsKey(5) ? byVisit.get(5) : byVisit.get(6);
        assertEquals(Reason.NO_CAPACITY_LEFT, leftOver.reason());
    }

    @Test
    void fewestVehiclesComeFirstThenTheLowerCost() {
        // Two cheap small vans or one of two trucks: the cheaper truck when vehicles count first.
        Vehicle van = Vehicle.withCapacity(10).withCost(new VehicleCost(10, 1, 0));
        Vehicle dearTruck = Vehicle.withCapacity(20).withCost(new VehicleCost(1_000, 1, 0));
        Vehicle truck = Vehicle.withCapacity(20).withCost(new VehicleCost(500, 1, 0));
        PlanarDay day = aDay().vehicles(2, van).vehicle(dearTruck).vehicle(truck)
                .with(at(10, 0).delivering(10), at(0, 10).delivering(10));
        Problem byCost = day.problem();
        Solution cheapest = checked(byCost, solve(byCost));
        assertEquals(2, cheapest.vehiclesUsed());
        Problem byVehicles = day.minimising(Objective.FEWEST_VEHICLES_THEN_COST).problem();
        Solution fewest = checked(byVehicles, solve(byVehicles));
        assertEquals(1, fewest.vehiclesUsed());
        assertEquals(3, fewest.routes().get(0).vehicle());
        assertEquals(500 + 20 + Math.hypot(10, 10), fewest.totalCost(), 1e-9);
    }

    @Test
    void amongEqualVehiclesTheCheaperOneDrives() {
        Problem problem = aDay().vehicle(Vehicle.withCapacity(10).withCost(new VehicleCost(0, 3, 1)))
                .vehicle(Vehicle.withCapacity(10).withCost(new VehicleCost(0, 2, 1))).with(at(10, 0).serviceTaking(5)).problem();
        Solution s = checked(problem, solve(problem));
        assertEquals(1, routeOf(s, 1).vehicle());
        assertEquals(2 * 20 + 25, s.totalCost(), 1e-9);
    }

    @Test
    void everyPlanOfARandomMixedFleetDayPassesTheChecker() {
        Random random = new Random(7);
        for (int round = 0; round < 12; round++) {
            PlanarDay day = aDay().measuredIn("kg", "litres", "parcels").depotOpen(0, 600)
                    .minimising(round % 2 == 0 ? Objective.COST : Objective.FEWEST_VEHICLES_THEN_COST);
            for (int i = 0; i < 30; i++) {
                double earliest = random.nextInt(300);
                PlanarDay.Stop stop = at(random.nextInt(121) - 60, random.nextInt(121) - 60)
                        .between(earliest, earliest + 30 + random.nextInt(300)).serviceTaking(2 + random.nextInt(8));
                stop = random.nextDouble() < 0.25 ? stop.collecting(1 + random.nextInt(30), random.nextInt(40), 1)
                        : stop.delivering(1 + random.nextInt(30), random.nextInt(40), 1);
                day.with(stop);
            }
            DriverBreak lunch = new DriverBreak(150, 250, 30);
            day.vehicles(2, Vehicle.withCapacity(200, 300, 12).withShift(0, 480).withBreak(lunch)
                    .withCost(new VehicleCost(50, 1, 0.2)));
            day.vehicle(Vehicle.withCapacity(400, 800, 20).withShift(60, 600).withMaxDistance(350)
                    .withCost(new VehicleCost(80, 1.5, 0.2)));
            day.vehicle(Vehicle.withCapacity(40, 60, 6).withTimeFactor(1.4).withMaxDistance(150).withBreak(lunch)
                    .withCost(new VehicleCost(10, 0.3, 0.2)));
            Problem problem = day.problem();
            checked(problem, solver.solve(problem, Duration.ofMillis(100), round));
        }
    }
}
