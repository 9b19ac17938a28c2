package dev.lastmile.orders.intake.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Decides which depot delivers an address: the nearest one within its service radius. */
@ApplicationScoped
public class DepotCoverage {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.depot.service-radius-km", defaultValue = "60")
    double serviceRadiusKm;

    /** The depots, read once per request by callers that place many parcels. */
    public List<Depot> depots() {
        return em.createNamedQuery(Depot.ALL, Depot.class).getResultList();
    }

    public Depot depotFor(GeoPoint destination) {
        return depotFor(destination, depots());
    }

    public Depot depotFor(GeoPoint destination, List<Depot> depots) {
        return depots.stream()
                .filter(depot -> depot.location().kilometresTo(destination) <= serviceRadiusKm)
                .min(Comparator.comparingDouble(depot -> depot.location().kilometresTo(destination)))
                .orElseThrow(() -> new RuleViolation("address-not-covered", "Address not covered",
                        "No depot delivers within " + serviceRadiusKm + " km of " + destination.latitude() + ","
                                + destination.longitude() + "."));
    }
}
