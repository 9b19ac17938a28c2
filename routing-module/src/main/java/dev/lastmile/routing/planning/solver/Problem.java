package dev.lastmile.routing.planning.solver;

import java.util.List;

/**
 * A VRPTW instance: a depot, the customers to serve, travel data and the fleet.
 * Every customer must be served exactly once; routes start and end at the depot and must
 * be back by the depot's latest time.
 */
public record Problem(Visit depot, List<Visit> customers, TravelMatrix travel, Fleet fleet) {

    public Problem {
        customers = List.copyOf(customers);
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
