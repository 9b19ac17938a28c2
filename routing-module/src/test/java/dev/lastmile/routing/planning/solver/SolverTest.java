package dev.lastmile.routing.planning.solver;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.lastmile.routing.planning.solver.Instances.Spot.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the solver returns must pass the independent {@link RouteChecker}. */
class SolverTest {

    private final Solver solver = new Solver();

    private static RouteChecker.Report assertFeasible(Problem problem, Solution solution) {
        RouteChecker.Report r = RouteChecker.check(problem, solution);
        assertTrue(r.feasible(), r.violations().toString());
        assertTrue(solution.isComplete());
        assertEquals(r.distance(), solution.totalDistance(), 1e-6);
        return r;
    }

    @Test
    void servesASmallHandMadeInstanceFeasiblyAndOptimally() {
        // Two clusters far apart; each vehicle can carry exactly one cluster.
        Problem problem = Instances.planar(1_000, Fleet.uniform(3, 10),
                at(50, 0, 5), at(51, 0, 5), at(-50, 0, 5), at(-51, 0, 5));
        Solution s = solver.solve(problem, Duration.ofMillis(300), 7);
        RouteChecker.Report r = assertFeasible(problem, s);
        assertEquals(2, r.vehiclesUsed());
        assertEquals(4 * 51, r.distance(), 1e-9);
    }

    @Test
    void ordersVisitsByTimeWindowsEvenWhenThatCostsDistance() {
        // The far customer must be served first; the near one only opens later.
        Problem problem = Instances.planar(1_000, Fleet.uniform(1, 10),
                at(10, 0, 1).window(100, 110), at(20, 0, 1).window(0, 25));
        Solution s = solver.solve(problem, Duration.ofMillis(200), 1);
        assertFeasible(problem, s);
        assertEquals(List.of(2, 1), s.routes().get(0).visits());
    }

    @Test
    void staysWithinTheFleetLimitWhenThatForcesLongerRoutes() {
        // Customers far apart in four directions: with a single vehicle allowed they must all share its tour.
        Problem problem = Instances.planar(1_000, Fleet.uniform(1, 100),
                at(50, 0, 10), at(-50, 0, 10), at(0, 50, 10), at(0, -50, 10));
        Solution s = solver.solve(problem, Duration.ofMillis(300), 3);
        assertEquals(1, assertFeasible(problem, s).vehiclesUsed());
    }

    @Test
    void putsHeavyCustomersOnTheVehicleThatCanCarryThem() {
        Fleet fleet = Fleet.of(List.of(new int[]{10}, new int[]{30}));
        Problem problem = Instances.planar(1_000, fleet, at(10, 0, 25), at(-10, 0, 8));
        Solution s = solver.solve(problem, Duration.ofMillis(200), 5);
        assertFeasible(problem, s);
        Route heavy = s.routes().stream().filter(r -> r.visits().contains(1)).findFirst().orElseThrow();
        assertEquals(1, heavy.vehicle());
    }

    @Test
    void listsCustomersThatNoVehicleCanReachInTime() {
        // Customer 2 closes before anyone can get there.
        Problem problem = Instances.planar(1_000, Fleet.uniform(2, 10), at(10, 0, 1), at(100, 0, 1).window(0, 50));
        Solution s = solver.solve(problem, Duration.ofMillis(200), 1);
        assertEquals(List.of(2), s.unassignedVisits());
        RouteChecker.Report r = RouteChecker.check(problem, s);
        assertEquals(List.of("customer 2 served 0 times"), r.violations());
    }

    @Test
    void leavesOutOnlyTheCustomerNoVehicleCanCarry() {
        Problem problem = Instances.planar(1_000, Fleet.uniform(2, 10),
                at(10, 0, 4), at(20, 0, 11), at(-10, 0, 4));
        Solution s = solver.solve(problem, Duration.ofMillis(200), 1);
        assertEquals(List.of(2), s.unassignedVisits());
        assertEquals(40, s.totalDistance(), 1e-9);
    }

    @Test
    void stopsEarlyWhenCancelled() {
        Problem problem = Instances.planar(1_000, Fleet.uniform(2, 10), at(10, 0, 1), at(-10, 0, 1));
        AtomicInteger polls = new AtomicInteger();
        long start = System.nanoTime();
        Solution s = solver.solve(problem, Duration.ofMinutes(5), 1, ProgressListener.NONE,
                () -> polls.incrementAndGet() > 100);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        assertFeasible(problem, s);
    }

}
