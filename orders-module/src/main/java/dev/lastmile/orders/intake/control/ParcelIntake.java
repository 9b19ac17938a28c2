package dev.lastmile.orders.intake.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.tracking.control.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registers parcels: assigns the depot, issues the tracking id and opens the timeline. */
@ApplicationScoped
public class ParcelIntake {

    /** SSCC extension digit for parcels (returns use another, see ParcelReturn). */
    private static final int PARCEL_EXTENSION_DIGIT = 0;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    DepotCoverage coverage;

    @Inject
    Timeline timeline;

    @Inject
    @ConfigProperty(name = "lastmile.gs1.company-prefix", defaultValue = "5060000")
    String companyPrefix;

    /** Parcels worth this much or more are handed over only against the recipient's one-time PIN. */
    @Inject
    @ConfigProperty(name = "lastmile.pod.pin-threshold", defaultValue = "250")
    BigDecimal pinThreshold;

    private final SecureRandom random = new SecureRandom();

    public Parcel register(ParcelRegistration registration) {
        Depot depot = coverage.depotFor(registration.address().location());
        Instant now = Instant.now(Clock.systemUTC());
        Parcel parcel = new Parcel(registration.recipient(), registration.address(), registration.weightKg(),
                registration.deliveryDate(), registration.slot(), depot, registration.shipperReference(), now);
        parcel.prefer(registration.preferences());
        if (registration.declaredValue() != null && registration.declaredValue().compareTo(pinThreshold) >= 0) {
            parcel.requirePin(registration.declaredValue(), String.format("%04d", random.nextInt(10_000)));
        }
        em.persist(parcel);
        TrackingId trackingId = parcel.issueTrackingId(PARCEL_EXTENSION_DIGIT, companyPrefix);
        timeline.append(trackingId, TrackingCode.CREATED, now,
                "Parcel registered for delivery on " + registration.deliveryDate() + ".");
        return parcel;
    }
}
