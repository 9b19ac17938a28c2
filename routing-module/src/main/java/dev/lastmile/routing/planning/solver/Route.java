package dev.lastmile.routing.planning.solver;

import java.util.List;

/**
 * One vehicle's tour: depot, then {@code visits} (customer {@link Visit#index()}es) in order, then depot.
 *
 * @param vehicle index into the {@link Fleet}
 */
public record Route(int vehicle, List<Integer> visits) {
    public Route {
        visits = List.copyOf(visits);
    }
}
