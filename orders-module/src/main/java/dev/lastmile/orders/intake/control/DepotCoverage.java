package dev.lastmile.orders.intake.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.partner.PartnerCoverage;
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

    /** The same switch as the partners module's allocation (lastmile.partners.allocate-outside-coverage). */
    @Inject
    @ConfigProperty(name = "lastmile.partners.allocate-outside-coverage", defaultValue = "true")
    boolean partnersTakeOutsideCoverage;

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
                .orElseThrow(() -> notCovered(destination, ""));
    }

    /**
     * Where a parcel enters the carrier's network: the depot that delivers its address, or, when none does and a
     * partner 3PL covers the address, the nearest depot, which hands it to the partner ({@code beyondCoverage}).
     */
    public record Placement(Depot depot, boolean beyondCoverage) {
    }

    public Placement placementFor(GeoPoint destination, Postcode postcode, List<Depot> depots) {
        Depot nearest = depots.stream().min(Comparator.comparingDouble(depot -> depot.location().kilometresTo(destination)))
                .orElseThrow(() -> notCovered(destination, ""));
        if (nearest.location().kilometresTo(destination) <= serviceRadiusKm) {
            return new Placement(nearest, false);
        }
        if (partnersTakeOutsideCoverage && PartnerCoverage.anyCovers(em, postcode.country(), postcode.value())) {
            return new Placement(nearest, true);
        }
        throw notCovered(destination, ", and no partner covers " + postcode.country() + " " + postcode.value());
    }

    private RuleViolation notCovered(GeoPoint destination, String partners) {
        return new RuleViolation("address-not-covered", "Address not covered", "No depot delivers within "
                + serviceRadiusKm + " km of " + destination.latitude() + "," + destination.longitude() + partners + ".");
    }
}
