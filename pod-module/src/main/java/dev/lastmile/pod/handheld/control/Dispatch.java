package dev.lastmile.pod.handheld.control;

import dev.lastmile.model.event.ParcelOutForDelivery;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** A route leaves the depot: every parcel still planned on it is out for delivery, with an ETA window. */
@ApplicationScoped
public class Dispatch {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelOutForDelivery> outForDelivery;

    /** Another driver's route is reported as not found: a handheld learns nothing about other routes. */
    public int depart(HandheldDevice device, long routeId) {
        Route route = em.find(Route.class, routeId);
        if (route == null || route.driver() == null || !route.driver().id().equals(device.driver().id())) {
            throw new NotFound("route", String.valueOf(routeId));
        }
        Instant now = Instant.now();
        int departed = 0;
        for (Stop stop : route.deliveries()) {
            if (stop.parcel().status() == ParcelStatus.PLANNED) {
                outForDelivery.fire(ParcelOutForDelivery.around(stop.parcel().trackingId(), routeId, stop.eta(), now));
                departed++;
            }
        }
        return departed;
    }
}
