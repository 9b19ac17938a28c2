package dev.lastmile.pod.scan.control;

import dev.lastmile.model.event.RouteProgressed;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.handheld.ScanEvent;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.route.Stop;
import dev.lastmile.pod.scan.boundary.ScanBatch;
import dev.lastmile.pod.scan.boundary.ScanResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes a handheld's batch: each event is checked, de-duplicated by the device's own event id,
 * applied in the order it happened on the device, and stored once. A bad event is reported and
 * skipped; the good ones of the same batch are stored.
 */
@ApplicationScoped
public class ScanIngestion {

    static final int MAX_BATCH = 500;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Carriage carriage;

    @Inject
    Outcomes outcomes;

    @Inject
    Event<RouteProgressed> progressed;

    private record Checked(int index, Scan scan) {
    }

    public List<ScanResult> ingest(HandheldDevice device, ScanBatch batch) {
        if (batch == null || batch.events() == null || batch.events().isEmpty()) {
            throw new InvalidRequest("events", "a batch needs at least one event");
        }
        if (batch.events().size() > MAX_BATCH) {
            throw new InvalidRequest("events", "a batch has at most " + MAX_BATCH + " events");
        }
        // Queries here read what earlier events of the batch changed through the persistence context
        // itself; flushing before each of them would re-check every managed entity hundreds of times.
        em.setFlushMode(FlushModeType.COMMIT);
        Instant now = Instant.now();
        ScanResult[] results = new ScanResult[batch.events().size()];
        List<Checked> fresh = unseen(device, check(batch.events(), now, results), results);
        fresh.sort(Comparator.comparing((Checked c) -> c.scan().occurredAt()).thenComparing(Checked::index));
        Map<String, Parcel> parcels = parcelsOf(fresh);
        Map<Long, Stop> stops = carriage.latestStops(parcels.values());
        Map<Long, Instant> stopsDone = new HashMap<>();
        for (Checked checked : fresh) {
            Parcel parcel = parcels.get(checked.scan().trackingId().value());
            Stop stop = parcel == null ? null : stops.get(parcel.id());
            results[checked.index()] = apply(device, checked.scan(), parcel, stop, now);
            if (results[checked.index()].status() == ScanResult.Status.STORED && checked.scan().type().endsStop()) {
                stopsDone.merge(stop.route().id(), checked.scan().occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (!stopsDone.isEmpty()) {
            // Once per route and batch, with the batch written: the forecast reads which stops are done.
            em.flush();
            stopsDone.forEach((route, at) -> progressed.fire(new RouteProgressed(route, at, RouteProgressed.Cause.STOP_DONE)));
        }
        return List.of(results);
    }

    private List<Checked> check(List<ScanBatch.Event> events, Instant now, ScanResult[] results) {
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ScanBatch.Event event = events.get(i);
            try {
                checked.add(new Checked(i, ScanCheck.check(event, now)));
            } catch (InvalidRequest e) {
                results[i] = ScanResult.rejected(event == null ? null : event.eventId(), e.type(), e.detail(), e.errors());
            }
        }
        return checked;
    }

    /** Drops events stored before, and repeats within the batch itself. */
    private List<Checked> unseen(HandheldDevice device, List<Checked> checked, ScanResult[] results) {
        if (checked.isEmpty()) {
            return new ArrayList<>();
        }
        Set<String> known = new HashSet<>(em.createNamedQuery(ScanEvent.KNOWN_IDS, String.class)
                .setParameter("driver", device.driver())
                .setParameter("ids", checked.stream().map(c -> c.scan().eventId()).toList()).getResultList());
        List<Checked> fresh = new ArrayList<>();
        for (Checked c : checked) {
            if (known.add(c.scan().eventId())) {
                fresh.add(c);
            } else {
                results[c.index()] = ScanResult.duplicate(c.scan().eventId());
            }
        }
        return fresh;
    }

    private Map<String, Parcel> parcelsOf(List<Checked> scans) {
        if (scans.isEmpty()) {
            return Map.of();
        }
        List<String> ids = scans.stream().map(c -> c.scan().trackingId().value()).distinct().toList();
        return new HashMap<>(em.createQuery("SELECT p FROM Parcel p WHERE p.trackingId IN :ids", Parcel.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(p -> p.trackingId().value(), p -> p)));
    }

    private ScanResult apply(HandheldDevice device, Scan scan, Parcel parcel, Stop latestStop, Instant now) {
        try {
            if (parcel == null) {
                throw new NotFound("parcel", scan.trackingId().value());
            }
            Stop stop = carriage.check(parcel, latestStop, device.driver());
            switch (scan.type()) {
                case LOAD_OUT -> outcomes.loadedOut(parcel, stop, scan);
                case ARRIVED -> { }
                case DELIVERED -> outcomes.delivered(parcel, stop, device.driver(), scan);
                case FAILED -> outcomes.failed(parcel, stop, device.driver(), scan);
                case RETURNED_TO_DEPOT -> outcomes.returnedToDepot(parcel, stop, scan);
            }
            em.persist(new ScanEvent(device.id(), scan.eventId(), scan.type(), scan.trackingId().value(), stop.route().id(),
                    scan.occurredAt(), now, scan.location(), scan.accuracyMetres()));
            return ScanResult.stored(scan.eventId());
        } catch (DomainException e) {
            return ScanResult.rejected(scan.eventId(), e.type(), e.detail(),
                    e instanceof InvalidRequest invalid ? invalid.errors() : List.of());
        }
    }
}
