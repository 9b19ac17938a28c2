package dev.lastmile.routing.planning.solver;

import java.time.Duration;

/** Snapshot reported whenever the solver finds a new best solution. */
public record Progress(double bestDistance, int vehiclesUsed, int unassigned, Duration elapsed, double bestCost) {
}
