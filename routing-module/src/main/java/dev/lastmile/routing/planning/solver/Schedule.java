package dev.lastmile.routing.planning.solver;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The timetable of one route. The route leaves the depot as late as it can without changing any
 * service or break time, so {@code end - start} is no longer than needed.
 *
 * @param start       when the route starts at the depot
 * @param loadAtStart load on board leaving the depot (all its deliveries), per capacity dimension
 * @param calls       one per customer, in order
 * @param end         when it is back at the depot (a break taken on return included)
 * @param driverBreak the break, if the vehicle has one and the route is out when its window opens
 * @param distance    distance driven
 * @param driveTime   time spent driving (the matrix's times scaled by the vehicle's time factor)
 * @param cost        the vehicle's {@link VehicleCost} for this route
 */
public record Schedule(double start, int[] loadAtStart, List<Call> calls, double end, Optional<BreakTaken> driverBreak,
                       double distance, double driveTime, double cost) {

    public Schedule {
        loadAtStart = loadAtStart.clone();
        calls = List.copyOf(calls);
    }

    @Override
    public int[] loadAtStart() {
        return loadAtStart.clone();
    }

    public double duration() {
        return end - start;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.start == start && Arrays.equals(s.loadAtStart, loadAtStart) && s.calls.equals(calls)
                && s.end == end && s.driverBreak.equals(driverBreak) && s.distance == distance && s.driveTime == driveTime
                && s.cost == cost;
    }

    @Override
    public int hashCode() {
        return 31 * calls.hashCode() + Double.hashCode(cost);
    }

    @Override
    public String toString() {
        return "Schedule[start=" + start + ", loadAtStart=" + Arrays.toString(loadAtStart) + ", calls=" + calls + ", end=" + end
                + ", break=" + driverBreak.orElse(null) + ", distance=" + distance + ", driveTime=" + driveTime
                + ", cost=" + cost + "]";
    }
}
