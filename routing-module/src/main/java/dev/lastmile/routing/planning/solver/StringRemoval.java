package dev.lastmile.routing.planning.solver;

import java.util.SplittableRandom;

/**
 * The SISR ruin operator: removes a few strings (runs of consecutive customers) from tours
 * that are spatially close to a random seed customer. Removing neighbouring strings from
 * several tours creates slack exactly where tours interact, which the re-insertion then uses.
 */
final class StringRemoval {
    private final double averageRemoved;  // c-bar in the paper
    private final int maxStringLength;    // L-max
    private final double splitRate;       // alpha: chance of the split-string variant
    private final double splitDepth;      // beta: chance of preserving one more customer inside a split string
    private final boolean[] ruined;

    StringRemoval(SolverSettings s, int vehicles) {
        this.averageRemoved = s.averageRemoved();
        this.maxStringLength = s.maxStringLength();
        this.splitRate = s.splitRate();
        this.splitDepth = s.splitDepth();
        this.ruined = new boolean[vehicles];
    }

    /** Removes customers from {@code plan} (touching tours first) and returns how many were written to {@code out}. */
    int ruin(Plan plan, SplittableRandom rnd, int[] out) {
        FlatProblem p = plan.p;
        int tours = plan.nonEmptyTours();
        if (tours == 0) return 0;
        double averageTour = (double) (p.customers.length - plan.absentCount) / tours;
        double maxLength = Math.min(maxStringLength, averageTour);
        double maxStrings = 4 * averageRemoved / (1 + maxLength) - 1;
        int strings = (int) (1 + rnd.nextDouble() * maxStrings);
        int seed = p.customers[rnd.nextInt(p.customers.length)];
        int removed = 0;
        int ruinedCount = 0;
        for (int c : p.neighbours[seed]) {
            if (ruinedCount >= strings) break;
            int k = plan.tourOf[c];
            if (k < 0 || ruined[k]) continue;
            ruined[k] = true;
            ruinedCount++;
            Tour t = plan.tours[k];
            int length = (int) (1 + rnd.nextDouble() * Math.min(t.size, maxLength));
            plan.touch(k);
            if (length < t.size && rnd.nextDouble() < splitRate) {
                removed = removeSplitString(plan, t, c, length, rnd, out, removed);
            } else {
                removed = removeString(plan, t, plan.positionOf[c], length, rnd, out, removed, 0, 0);
            }
            t.update(plan.tourOf, plan.positionOf);
        }
        for (Tour t : plan.tours) ruined[t.vehicle] = false;
        return removed;
    }

    /**
     * Picks a window of {@code span} positions containing {@code pos} and removes it, except
     * {@code keep} customers starting {@code keepOffset} into the window.
     */
    private static int removeString(Plan plan, Tour t, int pos, int span, SplittableRandom rnd,
                                    int[] out, int removed, int keep, int keepOffset) {
        int lowest = Math.max(1, pos - span + 1);
        int highest = Math.min(pos, t.size - span + 1);
        int first = lowest + rnd.nextInt(highest - lowest + 1);
        int keepFrom = first + keepOffset;
        int keepTo = keepFrom + keep;
        for (int i = first; i < first + span; i++) {
            if (i < keepFrom || i >= keepTo) out[removed++] = t.nodes[i];
        }
        // Cut the later part first so earlier positions stay valid.
        if (keepTo < first + span) t.cut(keepTo, first + span, plan.tourOf);
        if (first < keepFrom) t.cut(first, keepFrom, plan.tourOf);
        return removed;
    }

    /** Removes {@code length} customers from a longer window around {@code c}, keeping a run in the middle. */
    private int removeSplitString(Plan plan, Tour t, int c, int length, SplittableRandom rnd, int[] out, int removed) {
        int keep = 1;
        while (length + keep < t.size && rnd.nextDouble() < splitDepth) keep++;
        int span = length + keep;
        int keepOffset = rnd.nextInt(length + 1);
        return removeString(plan, t, plan.positionOf[c], span, rnd, out, removed, keep, keepOffset);
    }
}
