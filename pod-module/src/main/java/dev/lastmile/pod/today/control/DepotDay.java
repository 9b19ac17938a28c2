package dev.lastmile.pod.today.control;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.live.RouteForecast;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.FailedAttempt;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.model.tracking.TrackingCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A depot's day as its team follows it: parcels by status, each route's progress, vans out, what waits
 * for staff, and the two figures a depot is judged by (first-attempt success and on time).
 */
@ApplicationScoped
public class DepotDay {

    /** A route is late when its next open stop's ETA passed this long ago. */
    static final Duration LATE_AFTER = Duration.ofMinutes(15);

    /** A stop is done when the parcel left the driver's hands: delivered, or back in the depot's process. */
    private static final Set<ParcelStatus> STILL_ON_ROUTE = EnumSet.of(ParcelStatus.PLANNED, ParcelStatus.OUT_FOR_DELIVERY);

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    @Inject
    CurrentCaller caller;

    public record RouteProgress(long id, String vehicle, String driver, String status, int stops, int stopsDone,
                                boolean late, String nextEta, String departedAt) {
    }

    public record Summary(String depot, LocalDate date, Map<String, Long> parcelsByStatus, List<RouteProgress> routes,
                          int vansOut, long openExceptions, long addressChecksWaiting, int delivered, int firstAttempts,
                          Double firstAttemptSuccess, int deliveredOnTime, Double onTime, int routesRunningLate, String at) {
    }

    /** The day of a depot the caller sees (else 404); today in the carrier's zone when no date is given. */
    public Summary of(String depotCode, LocalDate dateOrToday) {
        if (!caller.get().sees(depotCode)) {
            throw new NotFound("depot", depotCode);
        }
        Depot depot = em.createNamedQuery(Depot.BY_CODE, Depot.class).setParameter("code", depotCode).getResultStream()
                .findFirst().orElseThrow(() -> new NotFound("depot", depotCode));
        return of(depot, dateOrToday == null ? LocalDate.now(ZoneId.of(zone)) : dateOrToday);
    }

    private Summary of(Depot depot, LocalDate date) {
        ZoneId zoneId = ZoneId.of(zone);
        LocalDateTime now = LocalDateTime.now(zoneId);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ParcelStatus status : ParcelStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        em.createQuery("SELECT p.status, COUNT(p) FROM Parcel p WHERE p.depot = :depot AND p.deliveryDate = :date"
                        + " GROUP BY p.status", Object[].class).setParameter("depot", depot).setParameter("date", date)
                .getResultList().forEach(row -> byStatus.put(((ParcelStatus) row[0]).name(), (Long) row[1]));

        List<RouteProgress> routes = new ArrayList<>();
        int vansOut = 0;
        for (Route route : em.createNamedQuery(Route.OF_DAY, Route.class).setParameter("depot", depot)
                .setParameter("day", date).getResultList()) {
            if (route.withdrawn()) {
                continue;
            }
            RouteProgress progress = progressOf(route, now);
            if (progress.status().equals("OUT")) {
                vansOut++;
            }
            routes.add(progress);
        }

        Instant from = date.atStartOfDay(zoneId).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zoneId).toInstant();
        List<DeliveryProof> proofs = em.createNamedQuery(DeliveryProof.OF_DEPOT_DAY, DeliveryProof.class)
                .setParameter("depot", depot.code()).setParameter("from", from).setParameter("to", to).getResultList();
        List<FailedAttempt> failures = em.createQuery("SELECT a FROM FailedAttempt a WHERE a.parcel.depot = :depot"
                        + " AND a.attemptedAt >= :from AND a.attemptedAt < :to", FailedAttempt.class)
                .setParameter("depot", depot).setParameter("from", from).setParameter("to", to).getResultList();
        int deliveredFirstTime = (int) proofs.stream().filter(p -> p.parcel().failedAttempts() == 0).count();
        int failedFirstTime = (int) failures.stream().filter(a -> a.attemptNumber() == 1).count();
        int firstAttempts = deliveredFirstTime + failedFirstTime;
        int onTime = (int) proofs.stream().filter(p -> onTime(p, zoneId)).count();

        long openExceptions = em.createQuery("SELECT COUNT(x) FROM PodException x WHERE x.resolvedAt IS NULL"
                + " AND x.parcel.depot = :depot", Long.class).setParameter("depot", depot).getSingleResult();
        long addressChecks = em.createQuery("SELECT COUNT(p) FROM Parcel p WHERE p.status = :status", Long.class)
                .setParameter("status", ParcelStatus.AWAITING_ADDRESS).getSingleResult();
        int runningLate = (int) em.createNamedQuery(RouteForecast.OF_DEPOT_DAY, RouteForecast.class)
                .setParameter("depot", depot.id()).setParameter("day", date).getResultList().stream()
                .filter(RouteForecast::late).count();
        return new Summary(depot.code(), date, byStatus, routes, vansOut, openExceptions, addressChecks, proofs.size(),
                firstAttempts, ratio(deliveredFirstTime, firstAttempts), onTime, ratio(onTime, proofs.size()),
                runningLate, Instant.now().toString());
    }

    /** When the route left: the first of its parcels to go out for delivery on the route's day. */
    private String departedAt(Route route) {
        List<String> ids = route.deliveries().stream().map(stop -> stop.parcel().trackingId().value()).toList();
        if (ids.isEmpty()) {
            return null;
        }
        ZoneId zoneId = ZoneId.of(zone);
        return em.createQuery("SELECT e.occurredAt FROM TrackingEntry e WHERE e.code = :code AND e.trackingId IN :ids"
                        + " AND e.occurredAt >= :from AND e.occurredAt < :to ORDER BY e.occurredAt", Instant.class)
                .setParameter("code", TrackingCode.OUT_FOR_DELIVERY).setParameter("ids", ids)
                .setParameter("from", route.day().atStartOfDay(zoneId).toInstant())
                .setParameter("to", route.day().plusDays(1).atStartOfDay(zoneId).toInstant()).setMaxResults(1).getResultStream().findFirst().map(Instant::toString).orElse(null);
    }

    private RouteProgress progressOf(Route route, LocalDateTime now) {
        List<Stop> deliveries = route.deliveries();
        int done = 0;
        boolean started = false;
        Stop nextOpen = null;
        for (Stop stop : deliveries) {
            ParcelStatus status = stop.parcel().status();
            started |= status != ParcelStatus.PLANNED;
            if (STILL_ON_ROUTE.contains(status)) {
                if (nextOpen == null) {
                    nextOpen = stop;
                }
            } else {
                done++;
            }
        }
        String state = route.closedAt().isPresent() ? "CLOSED" : started ? "OUT" : "PLANNED";
        boolean late = !"CLOSED".equals(state) && nextOpen != null && nextOpen.eta().plus(LATE_AFTER).isBefore(now);
        return new RouteProgress(route.id(), route.vehicle().registration(),
                route.driver() == null ? null : route.driver().name(), state,
                deliveries.size(), done, late, nextOpen == null ? null : nextOpen.eta().toString(),
                started ? departedAt(route) : null);
    }

    /** On its delivery day, and inside the booked slot where the recipient booked one. */
    private static boolean onTime(DeliveryProof proof, ZoneId zone) {
        Parcel parcel = proof.parcel();
        LocalDateTime delivered = LocalDateTime.ofInstant(proof.deliveredAt(), zone);
        if (!delivered.toLocalDate().equals(parcel.deliveryDate())) {
            return false;
        }
        return parcel.slot().map(slot -> !delivered.toLocalTime().isBefore(slot.from())
                && !delivered.toLocalTime().isAfter(slot.to())).orElse(true);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
