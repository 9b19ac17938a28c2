package dev.lastmile.routing.planning.solver;

/**
 * One vehicle's route during search, with the schedule data that make insertion checks O(1):
 * {@code start[p]} is the earliest service start at position p given its predecessors, and
 * {@code latestStart[p]} the latest service start at p that still keeps all successors feasible.
 * Positions 0 and {@code size + 1} are the depot.
 */
final class Tour {
    /** Slack for floating-point comparisons; matches {@link RouteChecker#TOLERANCE}. */
    static final double EPS = 1e-7;

    final int vehicle;
    private final FlatProblem p;
    final int[] nodes;
    int size;
    final double[] start;
    final double[] latestStart;
    final int[] load;
    double distance;

    Tour(FlatProblem p, int vehicle) {
        this.p = p;
        this.vehicle = vehicle;
        int capacityPositions = p.customers.length + 2;
        nodes = new int[capacityPositions];
        start = new double[capacityPositions];
        latestStart = new double[capacityPositions];
        load = new int[p.dims];
        nodes[0] = p.depot;
        nodes[1] = p.depot;
        update(null, null);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether {@code c}'s demand fits on top of the current load. */
    boolean fits(int c) {
        int dims = p.dims;
        for (int d = 0; d < dims; d++) {
            if (load[d] + p.demand[c * dims + d] > p.capacity[vehicle * dims + d]) return false;
        }
        return true;
    }

    /**
     * Whether time windows allow inserting {@code c} before position {@code pos} (1..size+1):
     * {@code c} must start by its latest time and push the successor no later than its latest
     * start. Capacity is checked separately via {@link #fits}.
     */
    boolean canInsert(int c, int pos) {
        int prev = nodes[pos - 1];
        double arrival = start[pos - 1] + p.service[prev] + p.time(prev, c);
        double serviceStart = Math.max(arrival, p.earliest[c]);
        if (serviceStart > p.latest[c] + EPS) return false;
        double nextArrival = serviceStart + p.service[c] + p.time(c, nodes[pos]);
        return nextArrival <= latestStart[pos] + EPS;
    }

    void insert(int c, int pos, int[] tourOf, int[] positionOf) {
        System.arraycopy(nodes, pos, nodes, pos + 1, size + 2 - pos);
        nodes[pos] = c;
        size++;
        update(tourOf, positionOf);
    }

    /** Removes positions {@code from..to-1} without refreshing the schedule (call {@link #update}). */
    void cut(int from, int to, int[] tourOf) {
        for (int i = from; i < to; i++) tourOf[nodes[i]] = -1;
        System.arraycopy(nodes, to, nodes, from, size + 2 - to);
        size -= to - from;
    }

    /** Replaces the customer sequence (used to roll back a rejected move). */
    void restore(int[] saved, int savedSize, int[] tourOf, int[] positionOf) {
        System.arraycopy(saved, 0, nodes, 0, savedSize + 2);
        size = savedSize;
        update(tourOf, positionOf);
    }

    /** Recomputes load, distance and both schedule passes; registers node positions if maps given. */
    void update(int[] tourOf, int[] positionOf) {
        int dims = p.dims;
        for (int d = 0; d < dims; d++) load[d] = 0;
        int last = size + 1;
        nodes[last] = p.depot;
        start[0] = p.earliest[p.depot];
        double dist = 0;
        for (int i = 1; i <= last; i++) {
            int prev = nodes[i - 1];
            int node = nodes[i];
            dist += p.distance(prev, node);
            start[i] = Math.max(start[i - 1] + p.service[prev] + p.time(prev, node), p.earliest[node]);
            if (i < last) {
                for (int d = 0; d < dims; d++) load[d] += p.demand[node * dims + d];
                if (tourOf != null) {
                    tourOf[node] = vehicle;
                    positionOf[node] = i;
                }
            }
        }
        distance = dist;
        latestStart[last] = p.latest[p.depot];
        for (int i = last - 1; i >= 0; i--) {
            int node = nodes[i];
            latestStart[i] = Math.min(p.latest[node], latestStart[i + 1] - p.time(node, nodes[i + 1]) - p.service[node]);
        }
    }
}
