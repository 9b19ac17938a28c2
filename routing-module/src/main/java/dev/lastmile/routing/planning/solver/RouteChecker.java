package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Independent feasibility check of a {@link Solution} against its {@link Problem}.
 * Replays every route from scratch (it shares no code with the solver), so tests and
 * benchmarks never rely on the solver's own bookkeeping.
 */
public final class RouteChecker {

    /** Slack for floating-point time and distance sums. */
    public static final double TOLERANCE = 1e-6;

    /**
     * @param feasible     true when there are no violations (which includes: every customer served)
     * @param distance     total distance recomputed from the travel matrix
     * @param vehiclesUsed number of non-empty routes
     */
    public record Report(boolean feasible, List<String> violations, double distance, int vehiclesUsed) {
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
        double total = 0;
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
            total += replay(problem, route, customers, timesServed, violations);
        }
        for (Visit c : problem.customers()) {
            int n = timesServed.getOrDefault(c.index(), 0);
            if (n != 1) violations.add("customer " + c.index() + " served " + n + " times");
        }
        double claimed = solution.totalDistance();
        if (Math.abs(claimed - total) > TOLERANCE * Math.max(1, total)) {
            violations.add("reported distance " + claimed + " but routes measure " + total);
        }
        return new Report(violations.isEmpty(), violations, total, used);
    }

    /** Drives one route, recording violations; returns its distance. */
    private static double replay(Problem problem, Route route, Map<Integer, Visit> customers,
                                 Map<Integer, Integer> timesServed, List<String> violations) {
        TravelMatrix travel = problem.travel();
        Visit depot = problem.depot();
        int[] load = new int[problem.dimensions()];
        double distance = 0;
        double clock = depot.earliest();
        Visit previous = depot;
        for (int index : route.visits()) {
            Visit v = customers.get(index);
            if (v == null) {
                violations.add("vehicle " + route.vehicle() + " visits unknown customer " + index);
                continue;
            }
            timesServed.merge(index, 1, Integer::sum);
            distance += travel.distance(previous.index(), index);
            double arrival = clock + previous.serviceTime() + travel.time(previous.index(), index);
            double start = Math.max(arrival, v.earliest());
            if (start > v.latest() + TOLERANCE) {
                violations.add("vehicle " + route.vehicle() + " starts customer " + index + " at " + start
                        + " after its latest " + v.latest());
            }
            clock = start;
            int[] demand = v.demand();
            for (int d = 0; d < load.length; d++) load[d] += demand[d];
            previous = v;
        }
        distance += travel.distance(previous.index(), depot.index());
        double back = clock + previous.serviceTime() + travel.time(previous.index(), depot.index());
        if (back > depot.latest() + TOLERANCE) {
            violations.add("vehicle " + route.vehicle() + " returns at " + back + " after depot closes " + depot.latest());
        }
        if (route.vehicle() >= 0 && route.vehicle() < problem.fleet().size()) {
            int[] capacity = problem.fleet().capacity(route.vehicle());
            for (int d = 0; d < load.length; d++) {
                if (load[d] > capacity[d]) {
                    violations.add("vehicle " + route.vehicle() + " carries " + load[d] + " > capacity " + capacity[d]
                            + " (dimension " + d + ")");
                }
            }
        }
        return distance;
    }
}
