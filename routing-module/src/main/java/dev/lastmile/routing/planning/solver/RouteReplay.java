package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives one route from the {@link Problem}'s data alone, for {@link RouteChecker}: it shares no
 * code with the solver. The clock runs from the earliest moment the vehicle may leave; the break
 * follows the rule written in {@link DriverBreak}; loads follow the rule in {@link Visit}.
 * What breaks a rule is collected as a sentence in {@link #violations}.
 */
final class RouteReplay {
    private final Problem problem;
    private final Route route;
    private final Vehicle vehicle;
    private final List<String> violations = new ArrayList<>();
    boolean onTime = true;
    boolean withinRange = true;
    boolean withinCapacity = true;

    private final List<Call> calls = new ArrayList<>();
    private int[] onBoard;
    private int[] loadAtStart;
    private double clock;
    private double distance;
    private double driveTime;
    private double firstArrival;
    private double firstFixedMoment = Double.NaN;
    private boolean restedBeforeLeaving;
    private Optional<BreakTaken> rest = Optional.empty();

    RouteReplay(Problem problem, Route route) {
        this.problem = problem;
        this.route = route;
        this.vehicle = problem.fleet().vehicle(route.vehicle());
    }

    /** Drives the route; {@code visits} are the customers in order (checked to exist by the caller). */
    Schedule drive(List<Visit> visits) {
        Visit depot = problem.depot();
        double leaveFrom = Math.max(depot.earliest(), vehicle.shiftStart());
        onBoard = new int[problem.dimensions()];
        for (Visit v : visits) add(onBoard, v.demand(), 1);
        loadAtStart = onBoard.clone();
        checkLoad("leaving the depot");
        clock = leaveFrom;
        restIfDue(depot, 0);
        clock += depot.serviceTime();
        restIfDue(depot, 0);
        restedBeforeLeaving = rest.isPresent();
        Visit previous = depot;
        for (Visit v : visits) {
            travel(previous, v);
            serve(v);
            previous = v;
        }
        travel(previous, depot);
        restIfDue(depot, calls.size());
        return finish(depot, leaveFrom);
    }

    private void travel(Visit from, Visit to) {
        distance += problem.travel().distance(from.index(), to.index());
        double leg = problem.travel().time(from.index(), to.index()) * vehicle.timeFactor();
        driveTime += leg;
        clock += leg;
    }

    private void serve(Visit v) {
        double arrival = clock;
        if (calls.isEmpty()) firstArrival = arrival;
        if (breakDue() && Math.max(arrival, v.earliest()) >= window().earliestStart()) {
            double restStart = Math.max(arrival, window().earliestStart());
            clock = restStart;
            restIfDue(v, calls.size());
            if (calls.isEmpty()) firstFixedMoment = restStart;
        }
        clock = Math.max(clock, v.earliest());
        double serviceStart = clock;
        if (calls.isEmpty() && Double.isNaN(firstFixedMoment)) firstFixedMoment = serviceStart;
        if (serviceStart > v.latest() + RouteChecker.TOLERANCE) {
            onTime = false;
            violations.add(who() + " starts customer " + v.index() + " at " + serviceStart + " after its latest " + v.latest());
        }
        clock += v.serviceTime();
        add(onBoard, v.demand(), -1);
        add(onBoard, v.pickup(), 1);
        checkLoad("after customer " + v.index());
        restIfDue(v, calls.size() + 1);
        calls.add(new Call(v.index(), arrival, serviceStart, clock, onBoard));
    }

    /** An idle moment at {@code where}: the break starts now if it is due and its window has opened. */
    private void restIfDue(Visit where, int callsBefore) {
        if (!breakDue() || clock < window().earliestStart()) return;
        rest = Optional.of(new BreakTaken(callsBefore, where.index(), clock, clock + window().duration()));
        if (clock > window().latestStart() + RouteChecker.TOLERANCE) {
            onTime = false;
            violations.add(who() + " starts the break at " + clock + " after its latest " + window().latestStart());
        }
        clock += window().duration();
    }

    private boolean breakDue() {
        return vehicle.driverBreak().isPresent() && rest.isEmpty();
    }

    private DriverBreak window() {
        return vehicle.driverBreak().orElseThrow();
    }

    private Schedule finish(Visit depot, double leaveFrom) {
        double backBy = Math.min(depot.latest(), vehicle.shiftEnd());
        if (clock > backBy + RouteChecker.TOLERANCE) {
            onTime = false;
            violations.add(who() + " returns at " + clock + " after "
                    + (vehicle.shiftEnd() < depot.latest() ? "its shift ends " : "depot closes ") + backBy);
        }
        if (distance > vehicle.maxDistance() + RouteChecker.TOLERANCE) {
            withinRange = false;
            violations.add(who() + " drives " + distance + " beyond its range " + vehicle.maxDistance());
        }
        double start = leaveFrom;
        List<Call> timed = calls;
        if (!calls.isEmpty() && !restedBeforeLeaving) {
            // Leave later by the wait before the first fixed moment: nothing after it moves.
            double slack = firstFixedMoment - firstArrival;
            start = leaveFrom + slack;
            Call first = calls.get(0);
            timed = new ArrayList<>(calls);
            timed.set(0, new Call(first.visit(), first.arrival() + slack, first.serviceStart(), first.departure(), first.loadAfter()));
        }
        double cost = calls.isEmpty() ? 0 : vehicle.cost().fixed() + vehicle.cost().perDistance() * distance
                + vehicle.cost().perTime() * (clock - start);
        return new Schedule(start, loadAtStart, timed, clock, rest, distance, driveTime, cost);
    }

    private void checkLoad(String where) {
        int[] capacity = vehicle.capacity();
        for (int d = 0; d < capacity.length; d++) {
            if (onBoard[d] > capacity[d]) {
                withinCapacity = false;
                violations.add(who() + " carries " + onBoard[d] + " > capacity " + capacity[d] + " ("
                        + problem.fleet().dimensionNames().get(d) + ") " + where);
            }
        }
    }

    private static void add(int[] total, int[] amount, int sign) {
        for (int d = 0; d < total.length; d++) total[d] += sign * amount[d];
    }

    private String who() {
        return "vehicle " + route.vehicle();
    }

    List<String> violations() {
        return violations;
    }
}
