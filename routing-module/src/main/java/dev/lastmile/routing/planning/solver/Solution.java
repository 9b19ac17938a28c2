package dev.lastmile.routing.planning.solver;

import java.util.List;

/**
 * Result of a solve. Only non-empty routes are listed.
 *
 * @param unassigned    customers the solver could not place, with the reason (empty for a complete solution)
 * @param totalDistance sum of route distances including depot legs
 * @param totalCost     sum of the routes' {@link VehicleCost}s (equals distance for the classic objective)
 */
public record Solution(List<Route> routes, List<Unassigned> unassigned, double totalDistance, double totalCost) {
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

    /** The {@link Visit#index()}es of the unassigned customers. */
    public List<Integer> unassignedVisits() {
        return unassigned.stream().map(Unassigned::visit).toList();
    }
}
