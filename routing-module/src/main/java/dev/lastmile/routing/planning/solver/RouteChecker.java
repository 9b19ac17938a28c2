package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Independent feasibility check of a {@link Solution} against its {@link Problem}.
 * Replays every route from scratch with {@link RouteReplay} (it shares no code with the solver),
 * so tests and benchmarks never rely on the solver's own bookkeeping: capacity in every
 * dimension after every stop, time windows, shifts and depot hours, the break rule, range, the
 * fleet, every customer once, the reported timetables, distance and cost, and the reasons given
 * for unassigned customers.
 */
public final class RouteChecker {

    /** Slack for floating-point time and distance sums. */
    public static final double TOLERANCE = 1e-6;

    /**
     * @param feasible     true when there are no violations (which includes: every customer served)
     * @param distance     total distance recomputed from the travel matrix
     * @param vehiclesUsed number of non-empty routes
     * @param cost         total {@link VehicleCost} recomputed from the routes
     */
    public record Report(boolean feasible, List<String> violations, double distance, int vehiclesUsed, double cost) {
        public Report {
            violations = List.copyOf(violations);
        }
    }

    private RouteChecker() {
    }

    public static Report check(Problem problem, Solution solution) {
        List<String> violations = new ArrayList<>();
        Map<Integer, Visit> customers = new HashMap<>();
        for (Visit c : problem.customers()) customers.put(c.index(), c);
        Map<Integer, Integer> timesServed = new HashMap<>();
        boolean[] vehicleTaken = new boolean[problem.fleet().size()];
        double distance = 0;
        double cost = 0;
        int used = 0;

        if (solution.routes().size() > problem.fleet().size()) {
            violations.add("fleet limit: " + solution.routes().size() + " routes > " + problem.fleet().size() + " vehicles");
        }
        for (Route route : solution.routes()) {
            if (route.visits().isEmpty()) continue;
            used++;
            int vehicle = route.vehicle();
            if (vehicle < 0 || vehicle >= vehicleTaken.length) {
                violations.add("route uses unknown vehicle " + vehicle);
                continue;
            }
            if (vehicleTaken[vehicle]) violations.add("vehicle " + vehicle + " drives more than one route");
            vehicleTaken[vehicle] = true;
            List<Visit> visits = new ArrayList<>();
            for (int index : route.visits()) {
                Visit v = customers.get(index);
                if (v == null) {
                    violations.add("vehicle " + vehicle + " visits unknown customer " + index);
                    continue;
                }
                timesServed.merge(index, 1, Integer::sum);
                visits.add(v);
            }
            RouteReplay replay = new RouteReplay(problem, route);
            Schedule measured = replay.drive(visits);
            violations.addAll(replay.violations());
            route.schedule().ifPresent(claimed -> compare(vehicle, claimed, measured, violations));
            distance += measured.distance();
            cost += measured.cost();
        }
        for (Visit c : problem.customers()) {
            int n = timesServed.getOrDefault(c.index(), 0);
            if (n != 1) violations.add("customer " + c.index() + " served " + n + " times");
        }
        checkUnassigned(problem, solution, customers, timesServed, violations);
        claim("distance", solution.totalDistance(), distance, violations);
        claim("cost", solution.totalCost(), cost, violations);
        return new Report(violations.isEmpty(), violations, distance, used, cost);
    }

    private static void claim(String what, double claimed, double measured, List<String> violations) {
        if (differ(claimed, measured)) violations.add("reported " + what + " " + claimed + " but routes measure " + measured);
    }

    private static boolean differ(double claimed, double measured) {
        return !(Math.abs(claimed - measured) <= TOLERANCE * Math.max(1, Math.abs(measured)));
    }

    /** The solver's timetable must be the one the rules give for its sequence. */
    private static void compare(int vehicle, Schedule claimed, Schedule measured, List<String> violations) {
        String who = "vehicle " + vehicle + " reports ";
        if (differ(claimed.start(), measured.start())) violations.add(who + "start " + claimed.start() + " not " + measured.start());
        if (differ(claimed.end(), measured.end())) violations.add(who + "end " + claimed.end() + " not " + measured.end());
        if (differ(claimed.distance(), measured.distance())) {
            violations.add(who + "distance " + claimed.distance() + " not " + measured.distance());
        }
        if (differ(claimed.driveTime(), measured.driveTime())) {
            violations.add(who + "drive time " + claimed.driveTime() + " not " + measured.driveTime());
        }
        if (differ(claimed.cost(), measured.cost())) violations.add(who + "cost " + claimed.cost() + " not " + measured.cost());
        if (!Arrays.equals(claimed.loadAtStart(), measured.loadAtStart())) violations.add(who + "a wrong load at start");
        if (!sameBreak(claimed.driverBreak(), measured.driverBreak())) {
            violations.add(who + "break " + claimed.driverBreak() + " not " + measured.driverBreak());
        }
        if (claimed.calls().size() != measured.calls().size()) {
            violations.add(who + claimed.calls().size() + " calls for " + measured.calls().size() + " visits");
            return;
        }
        for (int i = 0; i < claimed.calls().size(); i++) {
            Call c = claimed.calls().get(i);
            Call m = measured.calls().get(i);
            if (c.visit() != m.visit() || differ(c.arrival(), m.arrival()) || differ(c.serviceStart(), m.serviceStart())
                    || differ(c.departure(), m.departure()) || !Arrays.equals(c.loadAfter(), m.loadAfter())) {
                violations.add(who + c + " where the route gives " + m);
            }
        }
    }

    private static boolean sameBreak(Optional<BreakTaken> claimed, Optional<BreakTaken> measured) {
        if (claimed.isEmpty() || measured.isEmpty()) return claimed.isEmpty() == measured.isEmpty();
        BreakTaken c = claimed.get();
        BreakTaken m = measured.get();
        return c.callsBefore() == m.callsBefore() && c.location() == m.location() && !differ(c.start(), m.start())
                && !differ(c.end(), m.end());
    }

    /** Each unassigned customer is listed once, is not also served, and the reason given is the true one. */
    private static void checkUnassigned(Problem problem, Solution solution, Map<Integer, Visit> customers,
                                        Map<Integer, Integer> timesServed, List<String> violations) {
        Set<Integer> listed = new HashSet<>();
        for (Unassigned u : solution.unassigned()) {
            Visit v = customers.get(u.visit());
            if (v == null) {
                violations.add("unassigned " + u.visit() + " is not a customer");
                continue;
            }
            if (!listed.add(u.visit())) violations.add("customer " + u.visit() + " listed unassigned twice");
            if (timesServed.containsKey(u.visit())) violations.add("customer " + u.visit() + " listed unassigned but served");
            Unassigned.Reason actual = reasonAlone(problem, v);
            if (u.reason() != actual) {
                violations.add("customer " + u.visit() + " reported " + u.reason() + " but is " + actual);
            } else if (actual == Unassigned.Reason.TOO_HEAVY) {
                checkDimensions(problem, v, u.dimensions(), violations);
            }
        }
    }

    /**
     * Why {@code v} cannot be served on a route of its own, checked in the order of
     * {@link Unassigned.Reason}; {@code NO_CAPACITY_LEFT} when some vehicle can serve it alone.
     */
    private static Unassigned.Reason reasonAlone(Problem problem, Visit v) {
        boolean carried = false;
        boolean inTime = false;
        for (int k = 0; k < problem.fleet().size(); k++) {
            RouteReplay alone = new RouteReplay(problem, new Route(k, List.of(v.index())));
            alone.drive(List.of(v));
            if (!alone.withinCapacity) continue;
            carried = true;
            if (!alone.onTime) continue;
            inTime = true;
            if (alone.withinRange) return Unassigned.Reason.NO_CAPACITY_LEFT;
        }
        return !carried ? Unassigned.Reason.TOO_HEAVY : !inTime ? Unassigned.Reason.SLOT_UNREACHABLE : Unassigned.Reason.OUT_OF_RANGE;
    }

    private static void checkDimensions(Problem problem, Visit v, List<String> named, List<String> violations) {
        if (named.isEmpty()) violations.add("customer " + v.index() + " reported TOO_HEAVY without naming a dimension");
        for (String name : named) {
            int d = problem.fleet().dimensionNames().indexOf(name);
            boolean exceedsSome = false;
            for (int k = 0; d >= 0 && k < problem.fleet().size(); k++) {
                int capacity = problem.fleet().capacity(k)[d];
                exceedsSome |= v.demand()[d] > capacity || v.pickup()[d] > capacity;
            }
            if (!exceedsSome) violations.add("customer " + v.index() + " reported TOO_HEAVY in " + name + " where it fits");
        }
    }
}
