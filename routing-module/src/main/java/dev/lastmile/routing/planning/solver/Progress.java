package dev.lastmile.routing.planning.solver;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Snapshot reported whenever the solver finds a new best solution. {@code solution} builds that
 * solution with its timetables; call it only inside the listener, on the solving thread (it reads the
 * search's working state, which moves on once the listener returns).
 */
public record Progress(double bestDistance, int vehiclesUsed, int unassigned, Duration elapsed, double bestCost,
                       Supplier<Solution> solution) {
}
