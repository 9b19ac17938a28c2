package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made problems on a plane; travel time equals Euclidean distance. */
final class Instances {
    private Instances() {
    }

    /** A customer at (x, y) with one demand dimension. */
    record Spot(double x, double y, int demand, double earliest, double latest, double service) {
        static Spot at(double x, double y, int demand) {
            return new Spot(x, y, demand, 0, 1_000, 0);
        }

        Spot window(double from, double to) {
            return new Spot(x, y, demand, from, to, service);
        }
    }

    /** Depot at the origin open during [0, horizon]; customers get indices 1..n in the given order. */
    static Problem planar(double horizon, Fleet fleet, Spot... spots) {
        int n = spots.length + 1;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Visit> customers = new ArrayList<>();
        for (int i = 0; i < spots.length; i++) {
            Spot s = spots[i];
            xs[i + 1] = s.x();
            ys[i + 1] = s.y();
            int[] demand = new int[fleet.dimensions()];
            demand[0] = s.demand();
            customers.add(new Visit(i + 1, demand, s.earliest(), s.latest(), s.service()));
        }
        TravelMatrix m = DenseTravelMatrix.timeEqualsDistance(n, (i, j) -> Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
        return new Problem(Visit.depot(0, fleet.dimensions(), 0, horizon), customers, m, fleet);
    }
}
