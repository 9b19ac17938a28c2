package dev.lastmile.routing.planning.solver;

/**
 * What a route of one vehicle costs: {@code fixed + perDistance * distance + perTime * duration},
 * where duration runs from the start of the route to its return, waiting and break included.
 * Distance and time are in the travel matrix's units (for metres and seconds, a rate per km is
 * {@code perDistance * 1000}).
 */
public record VehicleCost(double fixed, double perDistance, double perTime) {

    /** Cost equals distance driven: the classic VRPTW objective, used by the Solomon benchmark. */
    public static final VehicleCost DISTANCE = new VehicleCost(0, 1, 0);

    public VehicleCost {
        for (double rate : new double[] {fixed, perDistance, perTime}) {
            if (!(rate >= 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("cost rates must be finite and >= 0");
        }
    }

    double of(double distance, double duration) {
        return fixed + perDistance * distance + perTime * duration;
    }
}
