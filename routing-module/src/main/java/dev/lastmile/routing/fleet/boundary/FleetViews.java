package dev.lastmile.routing.fleet.boundary;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;

/** The fleet as the back office reads it. */
public final class FleetViews {

    private FleetViews() {
    }

    public record DepotView(String code, String name, double latitude, double longitude) {
        static DepotView of(Depot depot) {
            return new DepotView(depot.code(), depot.name(), depot.location().latitude(), depot.location().longitude());
        }
    }

    public record VehicleView(String registration, String type, double capacityKg, int capacityParcels, String depot) {
        static VehicleView of(Vehicle vehicle) {
            return new VehicleView(vehicle.registration(), vehicle.type().name(), vehicle.capacityKg(),
                    vehicle.capacityParcels(), vehicle.depot().code());
        }
    }

    public record DriverView(long id, String name, String depot) {
        static DriverView of(Driver driver) {
            return new DriverView(driver.id(), driver.name(), driver.depot().code());
        }
    }
}
