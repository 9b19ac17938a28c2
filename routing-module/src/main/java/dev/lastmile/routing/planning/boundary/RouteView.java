package dev.lastmile.routing.planning.boundary;

import dev.lastmile.model.route.Route;
import java.util.List;

/** A route as dispatchers and drivers read it. */
public record RouteView(long id, String depot, String date, String vehicle, String driver, String departure,
                        double distanceKm, List<StopView> stops) {

    public record StopView(int sequence, String trackingId, String eta, String postcode, double latitude, double longitude) {
    }

    static RouteView of(Route route) {
        return new RouteView(route.id(), route.depot().code(), route.day().toString(), route.vehicle().registration(),
                route.driver() == null ? null : route.driver().name(), route.departure().toString(),
                Math.round(route.distanceKm() * 10) / 10.0,
                route.stops().stream().map(s -> new StopView(s.sequence(), s.parcel().trackingId().value(),
                        s.eta().toString(), s.parcel().address().postcode().value(),
                        s.parcel().location().latitude(), s.parcel().location().longitude())).toList());
    }
}
