package dev.lastmile.partners.allocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The inputs of allocation a carrier may change (docs/running.md lists them). */
@ApplicationScoped
public class AllocationRule {

    /** Parcels no depot delivers are taken at intake when a partner covers them, and offered to it. */
    @Inject
    @ConfigProperty(name = "lastmile.partners.allocate-outside-coverage", defaultValue = "true")
    boolean outsideCoverage;

    /** The planner's reasons for leaving a parcel unplaced that send it to a partner once the plan is published. */
    @Inject
    @ConfigProperty(name = "lastmile.partners.allocate-unplaced", defaultValue = "NO_CAPACITY_LEFT,OUT_OF_RANGE")
    String unplacedReasons;

    /**
     * Among partners that fit, the cheapest wins; within this share of the cheapest price (0.05 = 5%), the one
     * with more room left that day, so that near-equal partners share the load.
     */
    @Inject
    @ConfigProperty(name = "lastmile.partners.price-tolerance", defaultValue = "0")
    double priceTolerance;

    public boolean takesOutsideCoverage() {
        return outsideCoverage;
    }

    public boolean sendsUnplaced(String reason) {
        return reasons().contains(reason);
    }

    public double priceTolerance() {
        return Math.max(0, priceTolerance);
    }

    private Set<String> reasons() {
        return Arrays.stream(unplacedReasons.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
