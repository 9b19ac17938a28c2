package dev.lastmile.routing.planning.solver;

import java.util.List;

/**
 * Result of a solve. Only non-empty routes are listed.
 *
 * @param unassigned    customer indices the solver could not place (empty for a complete solution)
 * @param totalDistance sum of route distances including depot legs
 */
public record Solution(List<Route> routes, List<Integer> unassigned, double totalDistance) {
    public Solution {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    public boolean isComplete() {
        return unassigned.isEmpty();
    }

    public int vehiclesUsed() {
        return routes.size();
    }
}
