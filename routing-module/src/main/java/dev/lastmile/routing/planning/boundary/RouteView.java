package dev.lastmile.routing.planning.boundary;

import dev.lastmile.model.route.Route;
import java.util.List;

/**
 * A route as dispatchers and drivers read it: its stops with times and the load left after each, and
 * what it costs: distance, drive time, money and CO2. {@code revision} goes up with every re-plan that
 * changed it; {@code withdrawn} marks the route of a vehicle taken off the road.
 */
public record RouteView(long id, String depot, String date, String vehicle, String driver, String departure,
                        String returnsAt, String breakAt, double distanceKm, double driveMinutes, double cost, double co2Kg,
                        int revision, boolean withdrawn, List<StopView> stops) {

    /** {@code kind}: DELIVERY, or PICKUP of the return {@code returnTrackingId} at the parcel's address. */
    public record StopView(int sequence, String kind, String trackingId, String returnTrackingId, String eta, String departs,
                           Double loadKgAfter, String postcode, double latitude, double longitude) {
    }

    public static RouteView of(Route route) {
        return new RouteView(route.id(), route.depot().code(), route.day().toString(), route.vehicle().registration(),
                route.driver() == null ? null : route.driver().name(), route.departure().toString(),
                route.returnsAt().map(Object::toString).orElse(null), route.breakAt().map(Object::toString).orElse(null),
                Math.round(route.distanceKm() * 10) / 10.0, Math.round(route.driveMinutes() * 10) / 10.0,
                route.cost().doubleValue(), Math.round(route.co2Kg() * 100) / 100.0, route.revision(), route.withdrawn(),
                route.stops().stream().map(s -> new StopView(s.sequence(), s.isPickup() ? "PICKUP" : "DELIVERY",
                        s.parcel().trackingId().value(), s.returnOf().map(r -> r.trackingId().value()).orElse(null),
                        s.eta().toString(), s.departs().map(Object::toString).orElse(null), s.loadKgAfter().orElse(null),
                        s.parcel().address().postcode().value(), s.parcel().location().latitude(),
                        s.parcel().location().longitude())).toList());
    }
}
