package dev.lastmile.routing.planning.solver;

import java.util.SplittableRandom;

/**
 * The SISR recreate operator: inserts customers one by one at their cheapest feasible
 * position, skipping ("blinking" over) each candidate position with a small probability so
 * that repeated recreates explore different near-greedy solutions.
 */
final class BlinkInsertion {
    private final double blinkRate;
    private final double[] key;
    private final boolean[] classTried;

    BlinkInsertion(SolverSettings s, FlatProblem p) {
        this.blinkRate = s.blinkRate();
        this.key = new double[p.size];
        this.classTried = new boolean[p.vehicles];
    }

    /**
     * Inserts {@code customers[0..count)} in a randomly chosen order; those that fit nowhere
     * are written to {@code unplaced}. Returns how many were unplaced.
     */
    int recreate(Plan plan, int[] customers, int count, SplittableRandom rnd, int[] unplaced) {
        order(plan.p, customers, count, rnd);
        int missing = 0;
        for (int i = 0; i < count; i++) {
            if (!insertCheapest(plan, customers[i], rnd)) unplaced[missing++] = customers[i];
        }
        return missing;
    }

    /** Orders by one of the SISR criteria: random 4, largest demand 4, far from depot 2, close to depot 1. */
    private void order(FlatProblem p, int[] customers, int count, SplittableRandom rnd) {
        int pick = rnd.nextInt(11);
        for (int i = 0; i < count; i++) {
            int c = customers[i];
            key[c] = pick < 4 ? rnd.nextDouble()
                    : pick < 8 ? -p.totalDemand[c]
                    : pick < 10 ? -p.distance(p.depot, c)
                    : p.distance(p.depot, c);
        }
        for (int i = 1; i < count; i++) { // insertion sort: lists are short
            int c = customers[i];
            int j = i - 1;
            while (j >= 0 && key[customers[j]] > key[c]) {
                customers[j + 1] = customers[j];
                j--;
            }
            customers[j + 1] = c;
        }
    }

    private boolean insertCheapest(Plan plan, int c, SplittableRandom rnd) {
        FlatProblem p = plan.p;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestTour = -1;
        int bestPos = -1;
        double latest = p.latest[c];
        for (Tour t : plan.tours) {
            if (t.isEmpty()) {
                // Empty vehicles of one capacity class are interchangeable: try only the first.
                if (classTried[p.vehicleClass[t.vehicle]]) continue;
                classTried[p.vehicleClass[t.vehicle]] = true;
            }
            if (!t.fits(c)) continue;
            int[] nodes = t.nodes;
            for (int pos = 1, last = t.size + 1; pos <= last; pos++) {
                if (t.start[pos - 1] > latest) break; // later positions only start later
                if (rnd.nextDouble() < blinkRate) continue;
                int prev = nodes[pos - 1];
                int next = nodes[pos];
                double delta = p.distance(prev, c) + p.distance(c, next) - p.distance(prev, next);
                if (delta >= bestCost) continue;
                if (!t.canInsert(c, pos)) continue;
                bestCost = delta;
                bestTour = t.vehicle;
                bestPos = pos;
            }
        }
        for (Tour t : plan.tours) classTried[p.vehicleClass[t.vehicle]] = false;
        if (bestTour < 0) return false;
        plan.touch(bestTour);
        plan.tours[bestTour].insert(c, bestPos, plan.tourOf, plan.positionOf);
        return true;
    }
}
