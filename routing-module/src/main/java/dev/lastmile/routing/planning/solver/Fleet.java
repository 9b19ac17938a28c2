package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The vehicles available: one entry per vehicle, each with a capacity in every dimension. The
 * number of entries is the fleet limit; every vehicle starts and ends at the depot.
 *
 * @param dimensionNames the capacity dimensions' names, e.g. {@code ["kg", "litres", "parcels"]}; they name
 *                       the dimension when a customer is {@link Unassigned.Reason#TOO_HEAVY}
 */
public record Fleet(List<String> dimensionNames, List<Vehicle> vehicles) {

    public Fleet {
        dimensionNames = List.copyOf(dimensionNames);
        vehicles = List.copyOf(vehicles);
        if (vehicles.isEmpty()) throw new IllegalArgumentException("fleet must have at least one vehicle");
        for (Vehicle v : vehicles) {
            if (v.dimensions() != dimensionNames.size()) {
                throw new IllegalArgumentException("all vehicles need the " + dimensionNames.size() + " capacity dimensions");
            }
        }
    }

    /** {@code count} identical vehicles with nothing but a capacity (see {@link Vehicle#withCapacity}). */
    public static Fleet uniform(int count, int... capacity) {
        List<Vehicle> list = new ArrayList<>();
        for (int i = 0; i < count; i++) list.add(Vehicle.withCapacity(capacity));
        return new Fleet(unnamed(capacity.length), list);
    }

    /** One vehicle with nothing but a capacity per array; arrays may differ (heterogeneous fleet). */
    public static Fleet of(List<int[]> capacities) {
        if (capacities.isEmpty()) throw new IllegalArgumentException("fleet must have at least one vehicle");
        return new Fleet(unnamed(capacities.get(0).length), capacities.stream().map(Vehicle::withCapacity).toList());
    }

    private static List<String> unnamed(int count) {
        return IntStream.range(0, count).mapToObj(d -> "dimension " + d).toList();
    }

    public int dimensions() {
        return dimensionNames.size();
    }

    public int size() {
        return vehicles.size();
    }

    public Vehicle vehicle(int index) {
        return vehicles.get(index);
    }

    public int[] capacity(int vehicle) {
        return vehicles.get(vehicle).capacity();
    }

    int capacity(int vehicle, int dimension) {
        return vehicles.get(vehicle).capacity(dimension);
    }
}
