package dev.lastmile.routing.planning.solver;

import java.util.SplittableRandom;

/**
 * The SISR recreate operator: inserts customers one by one at their cheapest feasible
 * position, skipping ("blinking" over) each candidate position with a small probability so
 * that repeated recreates explore different near-greedy solutions.
 *
 * <p>The price of a position is the change in the vehicle's {@link VehicleCost}: its rate per
 * distance times the detour, its rate per time times the extra driving and service time (waiting
 * is not foreseen; the search judges whole plans by their exact cost), and the fixed cost for a
 * vehicle not used yet. When the objective is fewest vehicles, a customer goes onto an unused
 * vehicle only if no used one can take it.
 */
final class BlinkInsertion {
    private final double blinkRate;
    private final double[] key;
    private final boolean[] classTried;

    private double bestCost;
    private int bestTour;
    private int bestPos;

    BlinkInsertion(SolverSettings s, FlatProblem p) {
        this.blinkRate = s.blinkRate();
        this.key = new double[p.size];
        this.classTried = new boolean[p.classes];
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
        bestCost = Double.POSITIVE_INFINITY;
        bestTour = -1;
        bestPos = -1;
        boolean mayOpen = plan.vehicleCap >= plan.p.vehicles || plan.nonEmptyTours() < plan.vehicleCap;
        if (plan.p.fewestVehicles) {
            scan(plan, c, rnd, true, false);
            if (bestTour < 0 && mayOpen) scan(plan, c, rnd, false, true);
        } else {
            scan(plan, c, rnd, true, mayOpen);
        }
        if (bestTour < 0) return false;
        plan.touch(bestTour);
        plan.tours[bestTour].insert(c, bestPos, plan.tourOf, plan.positionOf);
        return true;
    }

    private void scan(Plan plan, int c, SplittableRandom rnd, boolean used, boolean unused) {
        FlatProblem p = plan.p;
        double latest = p.latest[c];
        double cheapest = bestCost; // locals, not fields, in the hot loop
        int cheapestTour = bestTour;
        int cheapestPos = bestPos;
        for (Tour t : plan.tours) {
            int vehicleClass = p.vehicleClass[t.vehicle];
            if (t.isEmpty()) {
                // Empty vehicles of one class are interchangeable: try only the first.
                if (!unused || classTried[vehicleClass]) continue;
                classTried[vehicleClass] = true;
            } else if (!used) {
                continue;
            }
            if (!t.fits(c) || !p.servesAlone(vehicleClass, c)) continue;
            double opening = t.isEmpty() ? t.fixedCost : 0;
            double perDistance = t.costPerDistance;
            double perTime = t.costPerTime;
            int[] nodes = t.nodes;
            double[] leave = t.leave;
            for (int pos = 1, last = t.size + 1; pos <= last; pos++) {
                if (leave[pos - 1] > latest) break; // later positions only start later
                if (rnd.nextDouble() < blinkRate) continue;
                int prev = nodes[pos - 1];
                int next = nodes[pos];
                double detour = p.distance(prev, c) + p.distance(c, next) - p.distance(prev, next);
                double delta = opening + perDistance * detour;
                if (perTime != 0) {
                    delta += perTime * (t.timeFactor * (p.time(prev, c) + p.time(c, next) - p.time(prev, next)) + p.service[c]);
                }
                if (delta >= cheapest) continue;
                if (!t.canInsert(c, pos, detour)) continue;
                cheapest = delta;
                cheapestTour = t.vehicle;
                cheapestPos = pos;
            }
        }
        for (Tour t : plan.tours) classTried[p.vehicleClass[t.vehicle]] = false;
        bestCost = cheapest;
        bestTour = cheapestTour;
        bestPos = cheapestPos;
    }
}
