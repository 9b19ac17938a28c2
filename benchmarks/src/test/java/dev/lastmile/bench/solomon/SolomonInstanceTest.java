package dev.lastmile.bench.solomon;


import org.junit.jupiter.api.Test;

import dev.lastmile.routing.planning.solver.Problem;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The LKH-3 Solomon files: original time units, distances truncated to one decimal. */
class SolomonInstanceTest {

    @Test
    void readsDepotCustomersFleetAndTruncatedDistances() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource("solomon/RC103.100.11.vrptw").toURI());
        SolomonInstance rc103 = SolomonInstance.read(file);
        Problem p = rc103.problem();
        assertEquals("RC103", rc103.name());
        assertEquals("RC1", rc103.family());
        assertEquals(100, p.customers().size());
        assertEquals(11, p.fleet().size());
        assertEquals(200, p.fleet().capacity(0)[0]);
        assertEquals(0, p.depot().index());
        assertEquals(0, p.depot().serviceTime());
        assertEquals(10, p.customers().get(0).serviceTime());
        // Depot (40,50) to customer 1 (25,85): sqrt(15^2 + 35^2) = 38.078... -> 38.0
        assertEquals(38.0, p.travel().distance(0, 1), 1e-9);
        assertEquals(p.travel().distance(0, 1), p.travel().time(0, 1));
    }
}
