package dev.lastmile.bench.solomon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.routing.planning.solver.RouteChecker;
import dev.lastmile.routing.planning.solver.Solution;
import dev.lastmile.routing.planning.solver.Solver;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The planner on a real benchmark instance, checked by the independent route checker. */
class SolomonSolveTest {

    private final Solver solver = new Solver();

    @Test
    void solvesASolomonInstanceAtItsMinimumFleetFeasibly() throws Exception {
        // RC103 allows 11 vehicles, the fewest any known solution uses.
        SolomonInstance rc103 = SolomonInstance.read(resource("solomon/RC103.100.11.vrptw"));
        AtomicInteger improvements = new AtomicInteger();
        Solution s = solver.solve(rc103.problem(), Duration.ofSeconds(3), 42, p -> improvements.incrementAndGet());
        RouteChecker.Report r = RouteChecker.check(rc103.problem(), s);
        assertTrue(r.feasible(), r.toString());
        assertTrue(r.vehiclesUsed() <= 11);
        assertTrue(r.distance() < 1258.0 * 1.10, "within 10% of best known, got " + r.distance());
        assertFalse(improvements.get() == 0);
    }
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SolomonSolveTest.class.getClassLoader().getResource(name).toURI());
    }
}
