package dev.lastmile.pod.scan.control;

import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Which route stop a parcel is at, and whether it is this driver's to scan. */
@ApplicationScoped
public class Carriage {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** The parcel's stop on its latest route, refused unless the driver drives it and it is not closed. */
    public Stop stopOf(Parcel parcel, Driver driver) {
        Stop stop = em.createNamedQuery(Stop.OF_PARCEL, Stop.class).setParameter("parcel", parcel)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new RuleViolation("parcel-not-on-your-route", "Parcel not on your route",
                        "Parcel " + parcel.trackingId().value() + " is not planned on any route."));
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
