package dev.lastmile.routing.planning.solver;

import java.util.List;
import java.util.Objects;

/**
 * A routing problem: a depot, the customers to serve, travel data, the fleet and what to minimise.
 * Every customer must be served exactly once; routes start and end at the depot, leave it no
 * earlier than it opens and are back by its latest time (each vehicle's shift narrows this).
 */
public record Problem(Visit depot, List<Visit> customers, TravelMatrix travel, Fleet fleet, Objective objective) {

    public Problem {
        customers = List.copyOf(customers);
        Objects.requireNonNull(objective);
        int n = travel.size();
        boolean[] seen = new boolean[n];
        checkIndex(depot, n, seen);
        for (Visit c : customers) checkIndex(c, n, seen);
        int dims = fleet.dimensions();
        if (depot.dimensions() != dims) throw new IllegalArgumentException("depot demand dimensions != fleet");
        for (Visit c : customers) {
            if (c.dimensions() != dims) {
                throw new IllegalArgumentException("customer " + c.index() + " demand dimensions != fleet");
            }
        }
    }

    /** A problem whose objective is the total route cost (with {@link Fleet#uniform} vehicles: distance). */
    public Problem(Visit depot, List<Visit> customers, TravelMatrix travel, Fleet fleet) {
        this(depot, customers, travel, fleet, Objective.COST);
    }

    private static void checkIndex(Visit v, int n, boolean[] seen) {
        if (v.index() >= n) throw new IllegalArgumentException("visit index " + v.index() + " outside matrix");
        if (seen[v.index()]) throw new IllegalArgumentException("duplicate visit index " + v.index());
        seen[v.index()] = true;
    }

    /** Capacity dimensions (1 for plain CVRP/VRPTW). */
    public int dimensions() {
        return fleet.dimensions();
    }
}
