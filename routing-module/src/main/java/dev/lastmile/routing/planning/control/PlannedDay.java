package dev.lastmile.routing.planning.control;

import java.util.List;

/**
 * A plan for a depot's day as a planning job keeps it (JSON) until it is published: routes with their
 * stops, times, loads, distance, drive time, cost and CO2, and every parcel left out with the reason.
 */
public record PlannedDay(List<PlannedRoute> routes, List<Unassigned> unassigned, Totals totals) {

    public record PlannedRoute(long vehicleId, String registration, Long driverId, String driver, String departure,
                               String returnsAt, String breakAt, double distanceKm, double driveMinutes, double cost,
                               double co2Kg, List<PlannedStop> stops) {
    }

    /** {@code kind}: DELIVERY, or PICKUP of the return {@code returnId} (then {@code trackingId} is the return's). */
    /** Latitude and longitude let a plan be drawn before it is published (null in plans stored before they were added). */
    public record PlannedStop(long parcelId, String trackingId, String eta, String departs, double kmFromPrevious,
                              double loadKgAfter, String kind, Long returnId, Double latitude, Double longitude) {
    }

    /** {@code code}: TOO_HEAVY, SLOT_UNREACHABLE, OUT_OF_RANGE, NO_CAPACITY_LEFT, NO_ROAD or NO_VEHICLE. */
    public record Unassigned(long parcelId, String trackingId, String code, String reason) {
    }

    public record Totals(int vehicles, int parcels, double distanceKm, double driveMinutes, double cost, double co2Kg) {
    }

    public static Totals totalsOf(List<PlannedRoute> routes) {
        return new Totals(routes.size(), routes.stream().mapToInt(r -> r.stops().size()).sum(),
                round(routes.stream().mapToDouble(PlannedRoute::distanceKm).sum()),
                round(routes.stream().mapToDouble(PlannedRoute::driveMinutes).sum()),
                round(routes.stream().mapToDouble(PlannedRoute::cost).sum()),
                round(routes.stream().mapToDouble(PlannedRoute::co2Kg).sum()));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
