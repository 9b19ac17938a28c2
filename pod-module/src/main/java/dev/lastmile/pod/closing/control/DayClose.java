package dev.lastmile.pod.closing.control;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.handheld.ScanEvent;
import dev.lastmile.model.handheld.ScanType;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.FailedAttempt;
import dev.lastmile.model.proof.PodException;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.pod.scan.boundary.ScanBatch;
import dev.lastmile.pod.scan.boundary.ScanResult;
import dev.lastmile.pod.scan.control.ScanIngestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The driver is back: undelivered parcels are scanned in, the route is reconciled and closed. */
@ApplicationScoped
public class DayClose {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    ScanIngestion ingestion;

    /** Scans back the listed parcels (idempotently), closes the route, and raises an exception per missing parcel. */
    public Reconciliation close(HandheldDevice device, long routeId, List<String> scannedBack) {
        Route route = route(routeId);
        if (route.driver() == null || !route.driver().id().equals(device.driver().id())) {
            throw new NotFound("route", String.valueOf(routeId));
        }
        Instant now = Instant.now();
        if (scannedBack != null && !scannedBack.isEmpty()) {
            // One batch: the event ids make a repeated close harmless, like any re-sent batch.
            List<ScanBatch.Event> scans = scannedBack.stream().map(trackingId -> new ScanBatch.Event(
                    "close:" + routeId + ":" + trackingId, ScanType.RETURNED_TO_DEPOT.name(), trackingId, now.toString(),
                    null, null, null)).toList();
            for (ScanResult result : ingestion.ingest(device, new ScanBatch(scans))) {
                if (result.status() == ScanResult.Status.REJECTED) {
                    throw new RuleViolation(result.problem(), "Scan-back refused", result.detail());
                }
            }
        }
        route.close(now);
        em.flush(); // the scan-backs above must be visible to the reconciliation's queries
        Reconciliation reconciliation = reconcile(route);
        Map<String, Parcel> parcels = route.deliveries().stream().map(Stop::parcel)
                .collect(Collectors.toMap(p -> p.trackingId().value(), Function.identity()));
        for (Reconciliation.Line line : reconciliation.missing()) {
            em.persist(new PodException(PodException.Kind.MISSING_AT_DAY_CLOSE, parcels.get(line.trackingId()), routeId,
                    null, "Not delivered and not scanned back when route " + routeId + " was closed.", now));
        }
        raisePhotosMissing(route, now);
        return reconciliation;
    }

    /**
     * A handheld sends a delivery's photos after it; by day close they have normally all arrived (the driver's app
     * sends them before the close). A proof still short of its announced photos goes to staff review.
     */
    private void raisePhotosMissing(Route route, Instant now) {
        List<DeliveryProof> announcing = em.createNamedQuery(DeliveryProof.OF_ROUTE, DeliveryProof.class)
                .setParameter("route", route).getResultList().stream().filter(p -> p.photosToFollow() > 0).toList();
        if (announcing.isEmpty()) {
            return;
        }
        Map<Long, Long> arrivedByProof = em.createQuery("SELECT p.proofId, COUNT(p) FROM Photo p WHERE p.proofId IN :proofs"
                        + " AND p.followIndex IS NOT NULL GROUP BY p.proofId", Object[].class)
                .setParameter("proofs", announcing.stream().map(DeliveryProof::id).toList()).getResultList().stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        for (DeliveryProof proof : announcing) {
            long arrived = arrivedByProof.getOrDefault(proof.id(), 0L);
            if (arrived < proof.photosToFollow()) {
                em.persist(new PodException(PodException.Kind.PHOTOS_MISSING, proof.parcel(), route.id(), proof.id(),
                        (proof.photosToFollow() - arrived) + " of " + proof.photosToFollow() + " photos the handheld announced"
                                + " had not arrived when route " + route.id() + " was closed.", now));
            }
        }
    }

    /** Staff see the reconciliations of their own depots' routes only; others are not found. */
    public Reconciliation reconcile(long routeId, Caller caller) {
        Route route = route(routeId);
        if (!caller.sees(route.depot().code())) {
            throw new NotFound("route", String.valueOf(routeId));
        }
        return reconcile(route);
    }

    private Reconciliation reconcile(Route route) {
        Set<Long> delivered = em.createNamedQuery(DeliveryProof.OF_ROUTE, DeliveryProof.class).setParameter("route", route)
                .getResultList().stream().map(p -> p.parcel().id()).collect(Collectors.toSet());
        Map<Long, FailedAttempt> failed = em.createNamedQuery(FailedAttempt.OF_ROUTE, FailedAttempt.class)
                .setParameter("route", route.id()).getResultList().stream()
                .collect(Collectors.toMap(a -> a.parcel().id(), Function.identity(), (a, b) -> b));
        Set<String> back = em.createNamedQuery(ScanEvent.OF_ROUTE, ScanEvent.class).setParameter("route", route.id())
                .setParameter("type", ScanType.RETURNED_TO_DEPOT).getResultList().stream().map(ScanEvent::trackingId)
                .collect(Collectors.toSet());
        boolean closed = route.closedAt().isPresent();
        List<Reconciliation.Line> deliveredLines = new ArrayList<>();
        List<Reconciliation.Line> failedLines = new ArrayList<>();
        List<Reconciliation.Line> backLines = new ArrayList<>();
        List<Reconciliation.Line> missingLines = new ArrayList<>();
        List<Reconciliation.Line> outstandingLines = new ArrayList<>();
        for (Stop stop : route.deliveries()) {
            Parcel parcel = stop.parcel();
            boolean scannedBack = back.contains(parcel.trackingId().value());
            if (delivered.contains(parcel.id())) {
                deliveredLines.add(line(parcel, "delivered"));
            } else if (failed.containsKey(parcel.id()) && scannedBack) {
                FailedAttempt attempt = failed.get(parcel.id());
                failedLines.add(line(parcel, attempt.reason().name().toLowerCase().replace('_', ' ') + "; next: "
                        + attempt.nextStep().name().toLowerCase().replace('_', ' ')));
            } else if (scannedBack) {
                backLines.add(line(parcel, "back at depot without an attempt"));
            } else {
                String detail = failed.containsKey(parcel.id()) ? "attempt failed but not scanned back" : "not delivered, not scanned back";
                (closed ? missingLines : outstandingLines).add(line(parcel, detail));
            }
        }
        return new Reconciliation(route.id(), route.vehicle().registration(), route.driver() == null ? null : route.driver().name(),
                route.day().toString(), route.closedAt().map(Instant::toString).orElse(null),
                deliveredLines, failedLines, backLines, missingLines, outstandingLines);
    }

    private Route route(long routeId) {
        Route route = em.find(Route.class, routeId);
        if (route == null) {
            throw new NotFound("route", String.valueOf(routeId));
        }
        return route;
    }

    private static Reconciliation.Line line(Parcel parcel, String detail) {
        return new Reconciliation.Line(parcel.trackingId().value(), parcel.recipient().name(),
                parcel.address().line() + ", " + parcel.address().postcode().value(), detail);
    }
}
