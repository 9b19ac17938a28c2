package dev.lastmile.pod.handheld.control;

import dev.lastmile.model.event.ParcelOutForDelivery;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/** A route leaves the depot: every parcel on it is out for delivery, with an ETA window for its recipient. */
@ApplicationScoped
public class Dispatch {

    /** Recipients get a one-hour window centred on the planned arrival. */
    static final Duration HALF_WINDOW = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelOutForDelivery> outForDelivery;

    public int depart(long routeId) {
        Route route = em.find(Route.class, routeId);
        if (route == null) {
            throw new NotFound("route", String.valueOf(routeId));
        }
        Instant now = Instant.now();
        for (Stop stop : route.stops()) {
            outForDelivery.fire(new ParcelOutForDelivery(stop.parcel().trackingId(), routeId,
                    stop.eta().minus(HALF_WINDOW), stop.eta().plus(HALF_WINDOW), now));
        }
        return route.stops().size();
    }
}
