package dev.lastmile.routing.fleet.boundary;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;
import java.math.BigDecimal;
import java.util.List;

/** The fleet as the back office reads it. */
public final class FleetViews {

    private FleetViews() {
    }

    public record DepotView(String code, String name, double latitude, double longitude, String opens, String closes,
                            String distanceModel) {
        static DepotView of(Depot depot) {
            return new DepotView(depot.code(), depot.name(), depot.location().latitude(), depot.location().longitude(),
                    depot.opens().toString(), depot.closes().toString(), depot.distanceModel().name());
        }
    }

    public record VehicleView(long id, String registration, String type, double capacityKg, int capacityParcels,
                              Double capacityLitres, Double rangeKm, BigDecimal fixedCost,
                              BigDecimal costPerKm, BigDecimal costPerHour, double co2GramsPerKm,
                              String depot) {
        static VehicleView of(Vehicle vehicle) {
            return new VehicleView(vehicle.id(), vehicle.registration(), vehicle.type().name(), vehicle.capacityKg(),
                    vehicle.capacityParcels(), vehicle.capacityLitres().orElse(null), vehicle.rangeKm().orElse(null),
                    vehicle.fixedCost(), vehicle.costPerKm(), vehicle.costPerHour(), vehicle.co2GramsPerKm(),
                    vehicle.depot().code());
        }
    }

    public record DriverView(long id, String name, String depot, String shiftStart, String shiftEnd, int breakMinutes,
                             String breakEarliest, String breakLatest, BigDecimal costPerHour) {
        static DriverView of(Driver driver) {
            return new DriverView(driver.id(), driver.name(), driver.depot().code(), driver.shiftStart().toString(),
                    driver.shiftEnd().toString(), driver.breakMinutes(), driver.breakEarliest().toString(),
                    driver.breakLatest().toString(), driver.costPerHour());
        }
    }

    public record AbsenceRequest(List<String> vehicles, List<Long> drivers, String reason) {
    }

    public record Availability(String date, List<VehicleView> vehicles, List<DriverView> drivers,
                               List<String> absent) {
    }
}
