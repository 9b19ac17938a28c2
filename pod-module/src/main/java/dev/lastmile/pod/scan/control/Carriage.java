package dev.lastmile.pod.scan.control;

import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which route stop a parcel is at, and whether it is this driver's to scan. */
@ApplicationScoped
public class Carriage {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** The latest stop of each parcel, read in one query for a whole batch. */
    public Map<Long, Stop> latestStops(Collection<Parcel> parcels) {
        Map<Long, Stop> latest = new HashMap<>();
        if (parcels.isEmpty()) {
            return latest;
        }
        List<Stop> stops = em.createNamedQuery(Stop.OF_PARCELS, Stop.class).setParameter("parcels", parcels).getResultList();
        for (Stop stop : stops) {
            latest.putIfAbsent(stop.parcel().id(), stop); // ordered latest route first
        }
        return latest;
    }

    /** The parcel's stop, refused unless the driver drives its route and the route is not closed. */
    public Stop check(Parcel parcel, Stop stop, Driver driver) {
        if (stop == null) {
            throw new RuleViolation("parcel-not-on-your-route", "Parcel not on your route",
                    "Parcel " + parcel.trackingId().value() + " is not planned on any route.");
        }
        Route route = stop.route();
        if (route.driver() == null || !route.driver().id().equals(driver.id())) {
            throw new RuleViolation("parcel-not-on-your-route", "Parcel not on your route",
                    "Parcel " + parcel.trackingId().value() + " belongs on vehicle " + route.vehicle().registration()
                            + " (route " + route.id() + "), not on yours.");
        }
        if (route.closedAt().isPresent()) {
            throw new RuleViolation("route-closed", "Route closed", "Route " + route.id() + " is closed; it takes no more scans.");
        }
        return stop;
    }
}
