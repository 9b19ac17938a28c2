package dev.lastmile.pod.scan.control;

import dev.lastmile.model.event.ParcelBackAtDepot;
import dev.lastmile.model.event.ParcelDelivered;
import dev.lastmile.model.event.ParcelDeliveryFailed;
import dev.lastmile.model.event.ParcelOutForDelivery;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.proof.AttemptRules;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.FailedAttempt;
import dev.lastmile.model.proof.FailedAttemptPolicy;
import dev.lastmile.model.proof.Photo;
import dev.lastmile.model.proof.PodException;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies what a scan says to the parcel. Every check comes before the first write, so a refused
 * event changes nothing. Events may arrive late and out of order: a delivery whose load-out scan is
 * still on its way implies the load-out; a failed attempt reported after a later delivery is kept as
 * history and changes nothing.
 */
@ApplicationScoped
public class Outcomes {

    private static final Set<ParcelStatus> DELIVERABLE = EnumSet.of(ParcelStatus.REGISTERED, ParcelStatus.PLANNED,
            ParcelStatus.OUT_FOR_DELIVERY, ParcelStatus.HELD_AT_DEPOT);

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelOutForDelivery> outForDelivery;

    @Inject
    Event<ParcelDelivered> delivered;

    @Inject
    Event<ParcelDeliveryFailed> failed;

    @Inject
    Event<ParcelBackAtDepot> backAtDepot;

    @Inject
    AttemptRules rules;

    @Inject
    @ConfigProperty(name = "lastmile.pod.geofence-metres", defaultValue = "250")
    double geofenceMetres;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    private Geofence geofence;

    @PostConstruct
    void configure() {
        geofence = new Geofence(geofenceMetres, Duration.ofMinutes(30), Duration.ofHours(3), ZoneId.of(zone));
    }

    public void loadedOut(Parcel parcel, Stop stop, Scan scan) {
        if (parcel.status() == ParcelStatus.PLANNED) {
            announceOutForDelivery(parcel, stop, scan.occurredAt());
        }
    }

    public void delivered(Parcel parcel, Stop stop, Driver driver, Scan scan) {
        Route route = stop.route();
        Scan.Handover handover = scan.handover();
        if (parcel.status() == ParcelStatus.DELIVERED) {
            throw new RuleViolation("parcel-already-delivered", "Parcel already delivered",
                    "Parcel " + parcel.trackingId().value() + " was delivered before; this outcome is refused.");
        }
        if (!DELIVERABLE.contains(parcel.status())) {
            throw new RuleViolation("parcel-not-deliverable", "Parcel cannot be delivered",
                    "Parcel " + parcel.trackingId().value() + " is " + parcel.status() + ".");
        }
        if (parcel.requiresPin() && !parcel.pinMatches(handover.pin())) {
            throw new InvalidRequest("delivery.pin", handover.pin() == null
                    ? "this high-value parcel needs the recipient's PIN" : "does not match the recipient's PIN");
        }
        if (parcel.status() == ParcelStatus.PLANNED) {
            announceOutForDelivery(parcel, stop, scan.occurredAt());
        }
        String receivedBy = handover.receivedBy() != null ? handover.receivedBy() : handover.method().name().replace('_', ' ').toLowerCase();
        DeliveryProof proof = new DeliveryProof(parcel, new DeliveryProof.Evidence(handover.method(), receivedBy,
                handover.neighbourHouse(), handover.lockerCompartment(), scan.location(), scan.accuracyMetres(),
                handover.signaturePng()), scan.occurredAt(), route, driver);
        proof.expectPhotos(handover.photosToFollow());
        em.persist(proof);
        handover.photos().forEach(jpeg -> em.persist(Photo.ofDelivery(proof.id(), jpeg, scan.occurredAt())));
        geofence.tooFar(parcel.location(), scan.location(), scan.accuracyMetres()).ifPresent(detail ->
                em.persist(new PodException(PodException.Kind.FAR_FROM_ADDRESS, parcel, route.id(), proof.id(), detail, Instant.now())));
        geofence.outsideRouteTime(stop, scan.occurredAt()).ifPresent(detail ->
                em.persist(new PodException(PodException.Kind.OUTSIDE_ROUTE_TIME, parcel, route.id(), proof.id(), detail, Instant.now())));
        delivered.fire(new ParcelDelivered(parcel.trackingId(), proof.id(), handover.method(), receivedBy, scan.occurredAt()));
    }

    /** @return whether the attempt changed the parcel (false: history of a parcel delivered later). */
    public boolean failed(Parcel parcel, Stop stop, Driver driver, Scan scan) {
        Route route = stop.route();
        if (parcel.status() == ParcelStatus.DELIVERED) {
            Instant deliveredAt = proofOf(parcel).map(DeliveryProof::deliveredAt).orElse(Instant.MAX);
            if (scan.occurredAt().isBefore(deliveredAt)) {
                return false;
            }
            throw new RuleViolation("parcel-already-delivered", "Parcel already delivered",
                    "Parcel " + parcel.trackingId().value() + " was delivered at " + deliveredAt + ", before this attempt.");
        }
        if (parcel.status() != ParcelStatus.PLANNED && parcel.status() != ParcelStatus.OUT_FOR_DELIVERY) {
            throw new RuleViolation("parcel-not-out-for-delivery", "Parcel not out for delivery",
                    "Parcel " + parcel.trackingId().value() + " is " + parcel.status() + "; its attempt was already recorded.");
        }
        if (parcel.status() == ParcelStatus.PLANNED) {
            announceOutForDelivery(parcel, stop, scan.occurredAt());
        }
        int attempt = parcel.failedAttempts() + 1;
        LocalDate day = scan.occurredAt().atZone(ZoneId.of(zone)).toLocalDate();
        FailedAttemptPolicy.Decision decision = rules.policy().decide(scan.attempt().reason(), attempt, day);
        FailedAttempt record = new FailedAttempt(parcel, route.id(), driver.id(), scan.attempt().reason(), attempt,
                decision.step(), scan.occurredAt(), scan.location());
        em.persist(record);
        if (scan.attempt().photo() != null) {
            em.persist(Photo.ofAttempt(record.id(), scan.attempt().photo(), scan.occurredAt()));
        }
        failed.fire(new ParcelDeliveryFailed(parcel.trackingId(), scan.attempt().reason(), attempt, decision.step(),
                decision.day(), scan.occurredAt()));
        return true;
    }

    public void returnedToDepot(Parcel parcel, Stop stop, Scan scan) {
        Route route = stop.route();
        if (parcel.status() == ParcelStatus.DELIVERED) {
            throw new RuleViolation("parcel-already-delivered", "Parcel already delivered",
                    "Parcel " + parcel.trackingId().value() + " was delivered; it cannot be scanned back in.");
        }
        if (parcel.status() == ParcelStatus.PLANNED || parcel.status() == ParcelStatus.OUT_FOR_DELIVERY) {
            LocalDate day = scan.occurredAt().atZone(ZoneId.of(zone)).toLocalDate();
            backAtDepot.fire(new ParcelBackAtDepot(parcel.trackingId(), route.id(), FailedAttemptPolicy.nextDeliveryDay(day),
                    scan.occurredAt()));
        }
    }

    private void announceOutForDelivery(Parcel parcel, Stop stop, Instant at) {
        outForDelivery.fire(ParcelOutForDelivery.around(parcel.trackingId(), stop.route().id(), stop.eta(), at));
    }

    private Optional<DeliveryProof> proofOf(Parcel parcel) {
        return em.createNamedQuery(DeliveryProof.OF_PARCEL, DeliveryProof.class).setParameter("parcel", parcel)
                .getResultList().stream().findFirst();
    }
}
