package dev.lastmile.routing.planning.solver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.lastmile.routing.planning.solver.Instances.Spot.at;
import static dev.lastmile.routing.planning.solver.PlanarDay.aDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker is the referee for every solver result, so it must catch each kind of violation. */
class RouteCheckerTest {

    // Four customers on the axes, 10 away from the depot; two vehicles of capacity 10.
    private final Problem problem = Instances.planar(100, Fleet.uniform(2, 10),
            at(10, 0, 5), at(0, 10, 5), at(-10, 0, 5), at(0, -10, 5));

    private static Solution routes(double distance, Route... routes) {
        return new Solution(List.of(routes), List.of(), distance, distance);
    }

    private static Route route(int vehicle, Integer... visits) {
        return new Route(vehicle, List.of(visits));
    }

    private static double pairTour() {
        return 10 + Math.hypot(10, 10) + 10; // depot -> (10,0) -> (0,10) -> depot
    }

    @Test
    void acceptsAFeasibleSolutionAndMeasuresItsDistance() {
        RouteChecker.Report r = RouteChecker.check(problem, routes(2 * pairTour(), route(0, 1, 2), route(1, 3, 4)));
        assertTrue(r.feasible(), r.violations().toString());
        assertEquals(2 * pairTour(), r.distance(), 1e-9);
        assertEquals(2, r.vehiclesUsed());
    }

    @Test
    void rejectsALoadAboveVehicleCapacity() {
        Solution overloaded = routes(40 + 2 * Math.hypot(10, 10) + 20, route(0, 1, 2, 3), route(1, 4));
        RouteChecker.Report r = RouteChecker.check(problem, overloaded);
        assertFalse(r.feasible());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("capacity")), r.violations().toString());
    }

    @Test
    void rejectsServiceStartingAfterTheWindowCloses() {
        Problem tight = Instances.planar(100, Fleet.uniform(1, 10),
                at(10, 0, 1), at(20, 0, 1).window(0, 15)); // reached at 20 via customer 1
        RouteChecker.Report r = RouteChecker.check(tight, routes(40, route(0, 1, 2)));
        assertFalse(r.feasible());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("after its latest")), r.violations().toString());
    }

    @Test
    void allowsWaitingUntilTheWindowOpens() {
        Problem early = Instances.planar(100, Fleet.uniform(1, 10), at(10, 0, 1).window(50, 60));
        assertTrue(RouteChecker.check(early, routes(20, route(0, 1))).feasible());
    }

    @Test
    void rejectsReturningAfterTheDepotCloses() {
        Problem late = Instances.planar(100, Fleet.uniform(1, 10), at(10, 0, 1).window(95, 98));
        RouteChecker.Report r = RouteChecker.check(late, routes(20, route(0, 1))); // starts at 95, back at 105
        assertFalse(r.feasible());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("depot closes")), r.violations().toString());
    }

    @Test
    void rejectsMoreRoutesThanVehicles() {
        Solution three = routes(20 + 20 + 20 + Math.hypot(10, 10) + 20, route(0, 1), route(1, 2), route(2, 3, 4));
        RouteChecker.Report r = RouteChecker.check(problem, three);
        assertFalse(r.feasible());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("fleet limit")), r.violations().toString());
    }

    @Test
    void rejectsAVehicleDrivingTwoRoutes() {
        RouteChecker.Report r = RouteChecker.check(problem, routes(2 * pairTour(), route(0, 1, 2), route(0, 3, 4)));
        assertFalse(r.feasible());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("more than one route")), r.violations().toString());
    }

    @Test
    void rejectsMissingAndDuplicatedCustomers() {
        RouteChecker.Report r = RouteChecker.check(problem, routes(pairTour() + 40, route(0, 1, 2), route(1, 3, 3)));
        assertFalse(r.feasible());
        assertTrue(r.violations().contains("customer 3 served 2 times"), r.violations().toString());
        assertTrue(r.violations().contains("customer 4 served 0 times"), r.violations().toString());
    }

    @Test
    void rejectsAReportedDistanceThatDoesNotMatchTheRoutes() {
        RouteChecker.Report r = RouteChecker.check(problem, routes(10, route(0, 1, 2), route(1, 3, 4)));
        assertFalse(r.feasible());
        assertTrue(r.violations().stream().anyMatch(v -> v.contains("reported distance")), r.violations().toString());
    }

    @Test
    void checksEveryCapacityDimensionOfTheAssignedVehicle() {
        Fleet mixed = Fleet.of(List.of(new int[]{10, 1}, new int[]{10, 5}));
        Problem twoDims = new Problem(Visit.depot(0, 2, 0, 100),
                List.of(new Visit(1, new int[]{1, 3}, 0, 100, 0)),
                DenseTravelMatrix.timeEqualsDistance(2, (i, j) -> i == j ? 0 : 10), mixed);
        assertFalse(RouteChecker.check(twoDims, routes(20, route(0, 1))).feasible());
        assertTrue(RouteChecker.check(twoDims, routes(20, route(1, 1))).feasible());
    }

    private static boolean mentions(RouteChecker.Report r, String text) {
        return r.violations().stream().anyMatch(v -> v.contains(text));
    }

    @Test
    void rejectsAVolumeOverloadEvenWhenTheWeightFits() {
        Problem day = aDay().measuredIn("kg", "litres").vehicle(Vehicle.withCapacity(100, 50))
                .with(PlanarDay.Stop.at(10, 0).delivering(10, 30), PlanarDay.Stop.at(20, 0).delivering(10, 30)).problem();
        RouteChecker.Report r = RouteChecker.check(day, routes(40, route(0, 1, 2)));
        assertTrue(mentions(r, "carries 60 > capacity 50 (litres) leaving the depot"), r.violations().toString());
    }

    @Test
    void judgesAMixedRouteByItsLargestLoadAlongTheWay() {
        Problem day = aDay().vehicle(Vehicle.withCapacity(10))
                .with(PlanarDay.Stop.at(10, 0).collecting(8), PlanarDay.Stop.at(20, 0).delivering(8)).problem();
        assertTrue(RouteChecker.check(day, routes(40, route(0, 2, 1))).feasible());
        RouteChecker.Report collectingFirst = RouteChecker.check(day, routes(40, route(0, 1, 2)));
        assertTrue(mentions(collectingFirst, "carries 16 > capacity 10 (kg) after customer 1"), collectingFirst.violations().toString());
    }

    @Test
    void rejectsReturningAfterTheShiftEnds() {
        Problem day = aDay().vehicle(Vehicle.withCapacity(10).withShift(0, 15)).with(PlanarDay.Stop.at(10, 0)).problem();
        RouteChecker.Report r = RouteChecker.check(day, routes(20, route(0, 1)));
        assertTrue(mentions(r, "returns at 20.0 after its shift ends 15.0"), r.violations().toString());
    }

    @Test
    void rejectsARouteBeyondTheVehiclesRange() {
        Problem day = aDay().vehicle(Vehicle.withCapacity(10).withMaxDistance(30))
                .with(PlanarDay.Stop.at(10, 0), PlanarDay.Stop.at(-10, 0)).problem();
        RouteChecker.Report r = RouteChecker.check(day, routes(40, route(0, 1, 2)));
        assertTrue(mentions(r, "drives 40.0 beyond its range 30.0"), r.violations().toString());
    }

    @Test
    void rejectsAReportedCostThatDoesNotMatchTheRoutes() {
        Problem day = aDay().vehicle(Vehicle.withCapacity(10).withCost(new VehicleCost(50, 1, 0))).with(PlanarDay.Stop.at(10, 0))
                .problem();
        assertTrue(RouteChecker.check(day, new Solution(List.of(route(0, 1)), List.of(), 20, 70)).feasible());
        RouteChecker.Report r = RouteChecker.check(day, new Solution(List.of(route(0, 1)), List.of(), 20, 20));
        assertTrue(mentions(r, "reported cost 20.0 but routes measure 70.0"), r.violations().toString());
    }

    @Test
    void rejectsATimetableThatIsNotWhatTheRouteGives() {
        Problem day = aDay().vehicle(Vehicle.withCapacity(10)).with(PlanarDay.Stop.at(10, 0).serviceTaking(5)).problem();
        Schedule right = new Schedule(0, new int[] {0}, List.of(new Call(1, 10, 10, 15, new int[] {0})), 25,
                Optional.empty(), 20, 20, 20);
        Schedule early = new Schedule(0, new int[] {0}, List.of(new Call(1, 8, 8, 13, new int[] {0})), 25,
                Optional.empty(), 20, 20, 20);
        assertTrue(RouteChecker.check(day, routes(20, new Route(0, List.of(1), Optional.of(right)))).feasible());
        RouteChecker.Report r = RouteChecker.check(day, routes(20, new Route(0, List.of(1), Optional.of(early))));
        assertTrue(mentions(r, "where the route gives"), r.violations().toString());
    }

    @Test
    void rejectsAWrongReasonForAnUnassignedCustomer() {
        Problem day = aDay().vehicle(Vehicle.withCapacity(10)).with(PlanarDay.Stop.at(10, 0).delivering(5)).problem();
        Solution tooHeavy = new Solution(List.of(), List.of(new Unassigned(1, Unassigned.Reason.TOO_HEAVY, List.of("kg"))), 0, 0);
        assertTrue(RouteChecker.check(day, tooHeavy).violations().contains("customer 1 reported TOO_HEAVY but is NO_CAPACITY_LEFT"));
        Solution noRoom = new Solution(List.of(), List.of(Unassigned.because(1, Unassigned.Reason.NO_CAPACITY_LEFT)), 0, 0);
        assertEquals(List.of("customer 1 served 0 times"), RouteChecker.check(day, noRoom).violations());
    }
}
