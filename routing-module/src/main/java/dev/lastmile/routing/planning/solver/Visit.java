package dev.lastmile.routing.planning.solver;

import java.util.Arrays;

/**
 * A stop: the depot or a customer.
 *
 * @param index       row/column of this stop in the {@link TravelMatrix}; also the id used in {@link Route}s
 * @param demand      load per capacity dimension (length must match the fleet's capacity dimensions)
 * @param earliest    service may not start before this time (arriving earlier means waiting)
 * @param latest      service must start at or before this time (for the depot: the route must be back by then)
 * @param serviceTime time spent at the stop once service starts
 */
public record Visit(int index, int[] demand, double earliest, double latest, double serviceTime) {

    public Visit {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0: " + index);
        if (earliest > latest) throw new IllegalArgumentException("empty time window at " + index);
        if (serviceTime < 0) throw new IllegalArgumentException("negative service time at " + index);
        demand = demand.clone();
        for (int d : demand) if (d < 0) throw new IllegalArgumentException("negative demand at " + index);
    }

    /** A depot: no demand, no service time, open during [opens, closes]. */
    public static Visit depot(int index, int dimensions, double opens, double closes) {
        return new Visit(index, new int[dimensions], opens, closes, 0);
    }

    @Override
    public int[] demand() {
        return demand.clone();
    }

    int demand(int dimension) {
        return demand[dimension];
    }

    int dimensions() {
        return demand.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visit v && v.index == index && Arrays.equals(v.demand, demand)
                && v.earliest == earliest && v.latest == latest && v.serviceTime == serviceTime;
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(demand);
    }

    @Override
    public String toString() {
        return "Visit[" + index + ", demand=" + Arrays.toString(demand) + ", tw=[" + earliest + "," + latest
                + "], service=" + serviceTime + "]";
    }
}
