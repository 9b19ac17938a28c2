package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.DistanceModel;
import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.TimeSlot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Everything the planner needs about a depot's day, read in one transaction and then planned
 * without the database: the depot and its hours, each available vehicle with the driver who takes
 * it, and the parcels to place.
 */
public record DayInput(String depotCode, GeoPoint depot, LocalDate day, LocalTime opens, LocalTime closes,
                       DistanceModel distanceModel, LocalDateTime earliestStart, List<Crew> crews, List<Load> parcels) {

    /** A vehicle and the driver who takes it out that day. */
    public record Crew(long vehicleId, String registration, VehicleType type, double capacityKg, int capacityParcels,
                       Double capacityLitres, Double rangeKm, double fixedCost, double costPerKm, double vehicleCostPerHour,
                       double co2GramsPerKm, long driverId, String driverName, LocalTime shiftStart, LocalTime shiftEnd,
                       int breakMinutes, LocalTime breakEarliest, LocalTime breakLatest, double driverCostPerHour) {

        double costPerHour() {
            return vehicleCostPerHour + driverCostPerHour;
        }
    }

    /**
     * A parcel to deliver (where, how heavy and bulky, the recipient's slot if any), or with {@code returnId}
     * a customer's return to collect there (then {@code trackingId} is the return's).
     */
    public record Load(long parcelId, String trackingId, GeoPoint location, double weightKg, Double volumeLitres,
                       TimeSlot slot, Long returnId) {

        public Load(long parcelId, String trackingId, GeoPoint location, double weightKg, Double volumeLitres, TimeSlot slot) {
            this(parcelId, trackingId, location, weightKg, volumeLitres, slot, null);
        }

        public boolean pickup() {
            return returnId != null;
        }
    }
}
