package dev.lastmile.routing.planning.solver;

import java.util.Arrays;

/**
 * The load on board along one tour, for the rule in {@link Visit}: deliveries leave the depot on
 * the vehicle, collections stay on until it returns. Inserting a customer before position
 * {@code pos} adds its delivery to every load before it and its pickup to every load from it on,
 * so the largest load before and from each position makes the capacity check exact in O(dims).
 */
final class LoadProfile {
    private final FlatProblem p;
    private final int dims;
    private final int[] demand;
    private final int[] pickup;
    private final boolean collecting;
    final int[] atStart;  // delivered by the tour: on board leaving the depot
    final int[] atEnd;    // collected by the tour: on board returning
    final int[] roomAtStart; // capacity left leaving the depot
    private final int[] roomAtEnd;
    private final int capacityOffset;
    private final int[] after;     // [pos * dims + d], pos 0..size: load leaving that position
    private final int[] maxBefore; // largest load leaving positions 0..pos
    private final int[] maxFrom;   // largest load leaving positions pos..size

    LoadProfile(FlatProblem p, int vehicle, int positions) {
        this.p = p;
        dims = p.dims;
        demand = p.demand;
        pickup = p.pickup;
        collecting = p.hasPickups;
        capacityOffset = vehicle * p.dims;
        atStart = new int[p.dims];
        atEnd = new int[p.dims];
        roomAtStart = new int[p.dims];
        roomAtEnd = new int[p.dims];
        int profile = p.hasPickups ? positions * p.dims : 0;
        after = new int[profile];
        maxBefore = new int[profile];
        maxFrom = new int[profile];
    }

    void clear() {
        Arrays.fill(atStart, 0);
        Arrays.fill(atEnd, 0);
    }

    /** Adds a customer's loads to the tour's totals; call for each, then {@link #update}. */
    void add(int node) {
        int at = node * dims;
        for (int d = 0; d < dims; d++) atStart[d] += demand[at + d];
        if (!collecting) return;
        for (int d = 0; d < dims; d++) atEnd[d] += pickup[at + d];
    }

    /** Works out the room left and, when customers collect, the load along the tour. */
    void update(int[] nodes, int size) {
        int dims = p.dims;
        for (int d = 0; d < dims; d++) {
            roomAtStart[d] = p.capacity[capacityOffset + d] - atStart[d];
            roomAtEnd[d] = p.capacity[capacityOffset + d] - atEnd[d];
        }
        if (!p.hasPickups) return;
        for (int d = 0; d < dims; d++) {
            after[d] = atStart[d];
            maxBefore[d] = atStart[d];
        }
        for (int i = 1; i <= size; i++) {
            int node = nodes[i];
            for (int d = 0; d < dims; d++) {
                int load = after[(i - 1) * dims + d] - p.demand[node * dims + d] + p.pickup[node * dims + d];
                after[i * dims + d] = load;
                maxBefore[i * dims + d] = Math.max(maxBefore[(i - 1) * dims + d], load);
            }
        }
        for (int d = 0; d < dims; d++) maxFrom[size * dims + d] = after[size * dims + d];
        for (int i = size - 1; i >= 0; i--) {
            for (int d = 0; d < dims; d++) {
                maxFrom[i * dims + d] = Math.max(after[i * dims + d], maxFrom[(i + 1) * dims + d]);
            }
        }
    }

    /** Whether what {@code c} collects fits on top of everything the tour collects (the deliveries: see {@link Tour#fits}). */
    boolean fitsCollection(int c) {
        int dims = p.dims;
        for (int d = 0; d < dims; d++) {
            if (p.pickup[c * dims + d] > roomAtEnd[d]) return false;
        }
        return true;
    }

    /** Whether {@code c}'s load fits when inserted before position {@code pos}; needs {@link FlatProblem#hasPickups}. */
    boolean fitsBefore(int c, int pos) {
        int dims = p.dims;
        int at = (pos - 1) * dims;
        for (int d = 0; d < dims; d++) {
            int room = p.capacity[capacityOffset + d];
            if (maxBefore[at + d] + p.demand[c * dims + d] > room) return false;
            if (maxFrom[at + d] + p.pickup[c * dims + d] > room) return false;
        }
        return true;
    }
}
