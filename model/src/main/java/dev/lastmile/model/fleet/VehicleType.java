package dev.lastmile.model.fleet;

/** Kinds of vehicle, each with the average urban speed the simple planner assumes. */
public enum VehicleType {
    CARGO_BIKE(15),
    ELECTRIC_VAN(25),
    VAN(25);

    private final double urbanSpeedKmh;

    VehicleType(double urbanSpeedKmh) {
        this.urbanSpeedKmh = urbanSpeedKmh;
    }

    public double urbanSpeedKmh() {
        return urbanSpeedKmh;
    }
}
