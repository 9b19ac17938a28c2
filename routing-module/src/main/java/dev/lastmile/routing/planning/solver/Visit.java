package dev.lastmile.routing.planning.solver;

import java.util.Arrays;

/**
 * A stop: the depot or a customer.
 *
 * <p>Loads follow the rule for mixed deliveries and collections: everything a route delivers is
 * loaded at the depot before it leaves, each stop unloads its {@code demand} and loads its
 * {@code pickup}, and collections ride back to the depot. The load after every stop must fit the
 * vehicle, in every dimension.
 *
 * @param index       row/column of this stop in the {@link TravelMatrix}; also the id used in {@link Route}s
 * @param demand      load delivered here, per capacity dimension (length must match the fleet's dimensions)
 * @param pickup      load collected here (returns), per capacity dimension; zero for plain deliveries
 * @param earliest    service may not start before this time (arriving earlier means waiting)
 * @param latest      service must start at or before this time (for the depot: the route must be back by then)
 * @param serviceTime time spent at the stop once service starts
 */
public record Visit(int index, int[] demand, int[] pickup, double earliest, double latest, double serviceTime) {

    public Visit {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0: " + index);
        if (earliest > latest) throw new IllegalArgumentException("empty time window at " + index);
        if (serviceTime < 0) throw new IllegalArgumentException("negative service time at " + index);
        if (demand.length != pickup.length) throw new IllegalArgumentException("demand and pickup dimensions differ at " + index);
        demand = demand.clone();
        pickup = pickup.clone();
        for (int d : demand) if (d < 0) throw new IllegalArgumentException("negative demand at " + index);
        for (int d : pickup) if (d < 0) throw new IllegalArgumentException("negative pickup at " + index);
    }

    /** A delivery: {@code demand} leaves the depot on the vehicle and is unloaded here. */
    public Visit(int index, int[] demand, double earliest, double latest, double serviceTime) {
        this(index, demand, new int[demand.length], earliest, latest, serviceTime);
    }

    /** A collection (a return): {@code pickup} is loaded here and carried back to the depot. */
    public static Visit collection(int index, int[] pickup, double earliest, double latest, double serviceTime) {
        return new Visit(index, new int[pickup.length], pickup, earliest, latest, serviceTime);
    }

    /** A depot: no demand, no service time, open during [opens, closes]. */
    public static Visit depot(int index, int dimensions, double opens, double closes) {
        return new Visit(index, new int[dimensions], opens, closes, 0);
    }

    @Override
    public int[] demand() {
        return demand.clone();
    }

    @Override
    public int[] pickup() {
        return pickup.clone();
    }

    int demand(int dimension) {
        return demand[dimension];
    }

    int pickup(int dimension) {
        return pickup[dimension];
    }

    int dimensions() {
        return demand.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visit v && v.index == index && Arrays.equals(v.demand, demand) && Arrays.equals(v.pickup, pickup)
                && v.earliest == earliest && v.latest == latest && v.serviceTime == serviceTime;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + Arrays.hashCode(demand)) + Arrays.hashCode(pickup);
    }

    @Override
    public String toString() {
        return "Visit[" + index + ", demand=" + Arrays.toString(demand) + ", pickup=" + Arrays.toString(pickup)
                + ", tw=[" + earliest + "," + latest + "], service=" + serviceTime + "]";
    }
}
