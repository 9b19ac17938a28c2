package dev.lastmile.routing.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.routing.planning.solver.TravelMatrix;
import org.junit.jupiter.api.Test;

class DistanceMatrixTest {

    @Test
    void solverReadsMetresAsDistanceAndSecondsAsTime() {
        DistanceMatrix matrix = new DistanceMatrix(2, new double[] {0, 1200, 1500, 0}, new double[] {0, 180, 240, 0});
        TravelMatrix travel = matrix.travelMatrix();
        assertEquals(2, travel.size());
        assertEquals(1200, travel.distance(0, 1));
        assertEquals(1500, travel.distance(1, 0));
        assertEquals(240, travel.time(1, 0));
    }

    @Test
    void travelFromAPointToItselfIsZero() {
        assertThrows(IllegalArgumentException.class,
                () -> new DistanceMatrix(2, new double[] {5, 1, 1, 0}, new double[] {0, 1, 1, 0}));
    }
}
