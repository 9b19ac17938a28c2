package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a day on a plane for specification tests: the depot at the origin, customers numbered
 * 1..n in the order given, travel time equal to Euclidean distance.
 */
final class PlanarDay {
    private double opens = 0;
    private double closes = 1_000;
    private List<String> dimensions = List.of("kg");
    private final List<Stop> stops = new ArrayList<>();
    private final List<Vehicle> vehicles = new ArrayList<>();
    private Objective objective = Objective.COST;

    private PlanarDay() {
    }

    static PlanarDay aDay() {
        return new PlanarDay();
    }

    PlanarDay depotOpen(double from, double to) {
        opens = from;
        closes = to;
        return this;
    }

    PlanarDay measuredIn(String... names) {
        dimensions = List.of(names);
        return this;
    }

    PlanarDay with(Stop... customers) {
        stops.addAll(List.of(customers));
        return this;
    }

    PlanarDay vehicle(Vehicle v) {
        vehicles.add(v);
        return this;
    }

    PlanarDay vehicles(int count, Vehicle v) {
        for (int i = 0; i < count; i++) vehicles.add(v);
        return this;
    }

    PlanarDay minimising(Objective o) {
        objective = o;
        return this;
    }

    Problem problem() {
        int n = stops.size() + 1;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Visit> customers = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            Stop s = stops.get(i);
            xs[i + 1] = s.x();
            ys[i + 1] = s.y();
            customers.add(new Visit(i + 1, sized(s.delivers()), sized(s.collects()), s.earliest(), s.latest(), s.service()));
        }
        TravelMatrix m = DenseTravelMatrix.timeEqualsDistance(n, (i, j) -> Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
        return new Problem(Visit.depot(0, dimensions.size(), opens, closes), customers, m, new Fleet(dimensions, vehicles),
                objective);
    }

    private int[] sized(int[] amounts) {
        return Arrays.copyOf(amounts, dimensions.size());
    }

    /** A customer at (x, y): by default nothing to deliver or collect, open all day, served instantly. */
    record Stop(double x, double y, int[] delivers, int[] collects, double earliest, double latest, double service) {
        static Stop at(double x, double y) {
            return new Stop(x, y, new int[0], new int[0], 0, 1_000, 0);
        }

        Stop delivering(int... amounts) {
            return new Stop(x, y, amounts, collects, earliest, latest, service);
        }

        Stop collecting(int... amounts) {
            return new Stop(x, y, delivers, amounts, earliest, latest, service);
        }

        Stop between(double from, double to) {
            return new Stop(x, y, delivers, collects, from, to, service);
        }

        Stop serviceTaking(double time) {
            return new Stop(x, y, delivers, collects, earliest, latest, time);
        }
    }
}
