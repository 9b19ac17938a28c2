package dev.lastmile.routing.planning.solver;

/**
 * Where and when the driver takes the break (placed by the rule in {@link DriverBreak}).
 *
 * @param callsBefore customers served before the break: 0 means before the first service
 * @param location    the {@link Visit#index()} of where the vehicle stands: a customer or the depot
 * @param start       when the break starts
 * @param end         when it ends
 */
public record BreakTaken(int callsBefore, int location, double start, double end) {
}
