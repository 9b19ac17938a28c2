package dev.lastmile.routing.planning.solver;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One vehicle's tour: depot, then {@code visits} (customer {@link Visit#index()}es) in order, then depot.
 *
 * @param vehicle  index into the {@link Fleet}
 * @param schedule the timetable; the {@link Solver} always gives one, routes from elsewhere may not
 */
public record Route(int vehicle, List<Integer> visits, Optional<Schedule> schedule) {
    public Route {
        visits = List.copyOf(visits);
        Objects.requireNonNull(schedule);
    }

    /** A route known only by its order of visits; {@link RouteChecker} works out its timetable. */
    public Route(int vehicle, List<Integer> visits) {
        this(vehicle, visits, Optional.empty());
    }
}
