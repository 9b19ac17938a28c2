package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
    /** Insertion may not put a route on more vehicles than this (fleet minimisation). */
    int vehicleCap;

    private final int[][] savedNodes;
    private final int[] savedSize;
    private final boolean[] saved;
    private final int[] savedTours;
    private int savedCount;
    private final int[] savedAbsent;
    private int savedAbsentCount;

    /** A copy of a plan's routes, for going back to the best one found. */
    static final class Snapshot {
        private final int[][] nodes;
        private final int[] sizes;
        private final int[] absent;
        private int absentCount;
        int vehicles;
        double cost;

        private Snapshot(FlatProblem p) {
            nodes = new int[p.vehicles][p.size + 1];
            sizes = new int[p.vehicles];
            absent = new int[p.customers.length];
        }

        int absentCount() {
            return absentCount;
        }
    }

    Plan(FlatProblem p) {
        this.p = p;
        tours = new Tour[p.vehicles];
        for (int k = 0; k < p.vehicles; k++) tours[k] = new Tour(p, k);
        tourOf = new int[p.size];
        positionOf = new int[p.size];
        Arrays.fill(tourOf, -1);
        int n = p.customers.length;
        absent = new int[n];
        savedAbsent = new int[n];
        savedNodes = new int[p.vehicles][p.size + 1];
        savedSize = new int[p.vehicles];
        saved = new boolean[p.vehicles];
        savedTours = new int[p.vehicles];
        vehicleCap = p.vehicles;
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

    /**
     * Whether the tours changed in this move still keep every rule. Insertions are checked, but a
     * removal can break one: without the triangle inequality a shortcut may be longer or slower,
     * and the break rule may then fall later.
     */
    boolean touchedFeasible() {
        for (int i = 0; i < savedCount; i++) {
            Tour t = tours[savedTours[i]];
            if (t.suspect() && !t.feasible()) return false;
        }
        return true;
    }

    void commit() {
        for (int i = 0; i < savedCount; i++) {
            saved[savedTours[i]] = false;
            tours[savedTours[i]].settle();
        }
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

    /** Empties one tour into the absent customers; call inside a move. */
    void removeTour(int vehicle) {
        touch(vehicle);
        Tour t = tours[vehicle];
        for (int i = 1; i <= t.size; i++) absent[absentCount++] = t.nodes[i];
        t.cut(1, t.size + 1, tourOf);
        t.update(tourOf, positionOf);
    }

    double distance() {
        double d = 0;
        for (Tour t : tours) d += t.distance;
        return d;
    }

    double cost() {
        double c = 0;
        for (Tour t : tours) c += t.cost;
        return c;
    }

    int nonEmptyTours() {
        int n = 0;
        for (Tour t : tours) if (!t.isEmpty()) n++;
        return n;
    }

    Snapshot newSnapshot() {
        return new Snapshot(p);
    }

    void saveTo(Snapshot s) {
        for (Tour t : tours) {
            System.arraycopy(t.nodes, 0, s.nodes[t.vehicle], 0, t.size + 2);
            s.sizes[t.vehicle] = t.size;
        }
        System.arraycopy(absent, 0, s.absent, 0, absentCount);
        s.absentCount = absentCount;
        s.vehicles = nonEmptyTours();
        s.cost = cost();
    }

    void restore(Snapshot s) {
        Arrays.fill(tourOf, -1);
        for (Tour t : tours) t.restore(s.nodes[t.vehicle], s.sizes[t.vehicle], tourOf, positionOf);
        System.arraycopy(s.absent, 0, absent, 0, s.absentCount);
        absentCount = s.absentCount;
    }

    /** The current state with timetables and reasons, as the solver returns it. */
    Solution toSolution() {
        List<Route> routes = new ArrayList<>();
        for (Tour t : tours) {
            if (t.isEmpty()) continue;
            List<Integer> visits = new ArrayList<>(t.size);
            for (int i = 1; i <= t.size; i++) visits.add(t.nodes[i]);
            routes.add(new Route(t.vehicle, visits, Optional.of(t.schedule())));
        }
        List<Unassigned> missing = new ArrayList<>(p.unservable);
        for (int i = 0; i < absentCount; i++) missing.add(Unassigned.because(absent[i], Unassigned.Reason.NO_CAPACITY_LEFT));
        missing.sort(Comparator.comparingInt(Unassigned::visit));
        return new Solution(routes, missing, distance(), cost());
    }
}
