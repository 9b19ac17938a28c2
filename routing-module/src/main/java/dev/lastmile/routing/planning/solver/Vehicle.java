package dev.lastmile.routing.planning.solver;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One vehicle with its driver. Times and distances are in the travel matrix's units.
 *
 * @param capacity    load it can carry at any moment, per capacity dimension
 * @param shiftStart  its route may not leave the depot earlier (the depot's opening also bounds this)
 * @param shiftEnd    its route must be back at the depot by then (so must it by the depot's closing)
 * @param maxDistance longest route it can drive, e.g. an electric van's range; infinite when unlimited
 * @param timeFactor  multiplies the matrix's travel times for this vehicle (a cargo bike in traffic: say 1.3)
 * @param driverBreak the break its driver must take, if any
 * @param cost        what its route costs
 */
public record Vehicle(int[] capacity, double shiftStart, double shiftEnd, double maxDistance, double timeFactor,
                      Optional<DriverBreak> driverBreak, VehicleCost cost) {

    public Vehicle {
        capacity = capacity.clone();
        for (int c : capacity) if (c < 0) throw new IllegalArgumentException("negative capacity");
        if (!(shiftStart <= shiftEnd)) throw new IllegalArgumentException("shift ends before it starts");
        if (!(maxDistance >= 0)) throw new IllegalArgumentException("max distance must be >= 0");
        if (!(timeFactor > 0) || Double.isInfinite(timeFactor)) throw new IllegalArgumentException("time factor must be finite and > 0");
        Objects.requireNonNull(driverBreak);
        Objects.requireNonNull(cost);
    }

    /** A vehicle available all the time the depot is open, without range limit, break or cost other than distance. */
    public static Vehicle withCapacity(int... capacity) {
        return new Vehicle(capacity, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1,
                Optional.empty(), VehicleCost.DISTANCE);
    }

    public Vehicle withShift(double start, double end) {
        return new Vehicle(capacity, start, end, maxDistance, timeFactor, driverBreak, cost);
    }

    public Vehicle withMaxDistance(double distance) {
        return new Vehicle(capacity, shiftStart, shiftEnd, distance, timeFactor, driverBreak, cost);
    }

    public Vehicle withTimeFactor(double factor) {
        return new Vehicle(capacity, shiftStart, shiftEnd, maxDistance, factor, driverBreak, cost);
    }

    public Vehicle withBreak(DriverBreak rest) {
        return new Vehicle(capacity, shiftStart, shiftEnd, maxDistance, timeFactor, Optional.of(rest), cost);
    }

    public Vehicle withCost(VehicleCost rates) {
        return new Vehicle(capacity, shiftStart, shiftEnd, maxDistance, timeFactor, driverBreak, rates);
    }

    @Override
    public int[] capacity() {
        return capacity.clone();
    }

    int capacity(int dimension) {
        return capacity[dimension];
    }

    int dimensions() {
        return capacity.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vehicle v && Arrays.equals(v.capacity, capacity) && v.shiftStart == shiftStart
                && v.shiftEnd == shiftEnd && v.maxDistance == maxDistance && v.timeFactor == timeFactor
                && v.driverBreak.equals(driverBreak) && v.cost.equals(cost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(capacity), shiftStart, shiftEnd, maxDistance, timeFactor, driverBreak, cost);
    }

    @Override
    public String toString() {
        return "Vehicle[capacity=" + Arrays.toString(capacity) + ", shift=[" + shiftStart + "," + shiftEnd + "], maxDistance="
                + maxDistance + ", timeFactor=" + timeFactor + ", break=" + driverBreak.orElse(null) + ", " + cost + "]";
    }
}
