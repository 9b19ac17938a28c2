package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The working solution of the search: one {@link Tour} per vehicle plus the customers not
 * placed yet. Changes made between {@link #beginMove()} and {@link #commit()} can be undone
 * with {@link #rollback()}; only the tours actually touched are saved, which keeps a
 * rejected ruin-and-recreate step cheap.
 */
final class Plan {
    final FlatProblem p;
    final Tour[] tours;
    final int[] tourOf;     // stop index -> vehicle, or -1 when unplaced
    final int[] positionOf; // stop index -> position in its tour
    final int[] absent;
    int absentCount;

    private final int[][] savedNodes;
    private final int[] savedSize;
    private final boolean[] saved;
    private final int[] savedTours;
    private int savedCount;
    private final int[] savedAbsent;
    private int savedAbsentCount;

    Plan(FlatProblem p) {
        this.p = p;
        tours = new Tour[p.vehicles];
        for (int k = 0; k < p.vehicles; k++) tours[k] = new Tour(p, k);
        tourOf = new int[p.size];
        positionOf = new int[p.size];
        java.util.Arrays.fill(tourOf, -1);
        int n = p.customers.length;
        absent = new int[n];
        savedAbsent = new int[n];
        savedNodes = new int[p.vehicles][n + 2];
        savedSize = new int[p.vehicles];
        saved = new boolean[p.vehicles];
        savedTours = new int[p.vehicles];
    }

    void beginMove() {
        savedCount = 0;
        System.arraycopy(absent, 0, savedAbsent, 0, absentCount);
        savedAbsentCount = absentCount;
    }

    /** Must be called before a tour is changed inside a move. */
    void touch(int vehicle) {
        if (saved[vehicle]) return;
        saved[vehicle] = true;
        savedTours[savedCount++] = vehicle;
        Tour t = tours[vehicle];
        System.arraycopy(t.nodes, 0, savedNodes[vehicle], 0, t.size + 2);
        savedSize[vehicle] = t.size;
    }

    void commit() {
        for (int i = 0; i < savedCount; i++) saved[savedTours[i]] = false;
        savedCount = 0;
    }

    void rollback() {
        for (int i = 0; i < savedCount; i++) {
            int k = savedTours[i];
            tours[k].restore(savedNodes[k], savedSize[k], tourOf, positionOf);
            saved[k] = false;
        }
        savedCount = 0;
        System.arraycopy(savedAbsent, 0, absent, 0, savedAbsentCount);
        absentCount = savedAbsentCount;
        for (int i = 0; i < absentCount; i++) tourOf[absent[i]] = -1;
    }

    double distance() {
        double d = 0;
        for (Tour t : tours) d += t.distance;
        return d;
    }

    int nonEmptyTours() {
        int n = 0;
        for (Tour t : tours) if (!t.isEmpty()) n++;
        return n;
    }

    /** Immutable copy of the current state, for remembering the best solution. */
    Solution toSolution() {
        List<Route> routes = new ArrayList<>();
        for (Tour t : tours) {
            if (t.isEmpty()) continue;
            List<Integer> visits = new ArrayList<>(t.size);
            for (int i = 1; i <= t.size; i++) visits.add(t.nodes[i]);
            routes.add(new Route(t.vehicle, visits));
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < absentCount; i++) missing.add(absent[i]);
        for (int c : p.unservable) missing.add(c);
        return new Solution(routes, missing, distance());
    }
}
