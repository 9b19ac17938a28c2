package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The vehicles available: one entry per vehicle, each with a capacity per dimension.
 * The number of entries is the fleet limit; every vehicle starts and ends at the depot.
 */
public final class Fleet {

    private final List<int[]> capacities;

    private Fleet(List<int[]> capacities) {
        if (capacities.isEmpty()) throw new IllegalArgumentException("fleet must have at least one vehicle");
        int dims = capacities.get(0).length;
        List<int[]> copy = new ArrayList<>();
        for (int[] c : capacities) {
            if (c.length != dims) throw new IllegalArgumentException("all vehicles need the same capacity dimensions");
            for (int v : c) if (v < 0) throw new IllegalArgumentException("negative capacity");
            copy.add(c.clone());
        }
        this.capacities = Collections.unmodifiableList(copy);
    }

    /** {@code count} identical vehicles. */
    public static Fleet uniform(int count, int... capacity) {
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) list.add(capacity.clone());
        return new Fleet(list);
    }

    /** One vehicle per array; arrays may differ (heterogeneous fleet). */
    public static Fleet of(List<int[]> capacities) {
        return new Fleet(capacities);
    }

    public int size() {
        return capacities.size();
    }

    public int dimensions() {
        return capacities.get(0).length;
    }

    public int[] capacity(int vehicle) {
        return capacities.get(vehicle).clone();
    }

    int capacity(int vehicle, int dimension) {
        return capacities.get(vehicle)[dimension];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Fleet[");
        for (int[] c : capacities) sb.append(Arrays.toString(c));
        return sb.append(']').toString();
    }
}
