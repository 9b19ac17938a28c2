package dev.lastmile.pod.position.control;

import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.live.Fix;
import dev.lastmile.model.live.TrackPoint;
import dev.lastmile.model.live.VanPosition;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.pod.position.boundary.PositionBatch;
import dev.lastmile.pod.position.boundary.PositionResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes a handheld's GPS fixes: each is checked, put on the driver's route of its day, and applied in the order it
 * was taken. The route keeps its latest position and a thinned track; a fix at or before the latest position was
 * seen before (a re-sent batch) and is ignored, so replaying a batch changes nothing.
 */
@ApplicationScoped
public class PositionIngestion {

    static final int MAX_BATCH = 500;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<VansMoved> moved;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    @Inject
    @ConfigProperty(name = "lastmile.live.max-speed-kmh", defaultValue = "200")
    double maxSpeedKmh;

    @Inject
    @ConfigProperty(name = "lastmile.live.position-retention", defaultValue = "P30D")
    Duration retention;

    /** The track keeps a point at least this often while the van moves (and whenever it moved this far). */
    @Inject
    @ConfigProperty(name = "lastmile.live.track-every", defaultValue = "PT30S")
    Duration trackEvery;

    @Inject
    @ConfigProperty(name = "lastmile.live.track-metres", defaultValue = "100")
    double trackMetres;

    private FixCheck check;

    private record Taken(int index, Fix fix) {
    }

    @PostConstruct
    void configure() {
        check = new FixCheck(maxSpeedKmh, retention);
    }

    public List<PositionResult> ingest(HandheldDevice device, PositionBatch batch) {
        if (batch == null || batch.fixes() == null || batch.fixes().isEmpty()) {
            throw new InvalidRequest("fixes", "a batch needs at least one fix");
        }
        if (batch.fixes().size() > MAX_BATCH) {
            throw new InvalidRequest("fixes", "a batch has at most " + MAX_BATCH + " fixes");
        }
        Instant now = Instant.now();
        PositionResult[] results = new PositionResult[batch.fixes().size()];
        List<Taken> taken = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            try {
                taken.add(new Taken(i, check.parse(batch.fixes().get(i), now)));
            } catch (FixCheck.Refused refused) {
                results[i] = PositionResult.rejected(i, refused.problem(), refused.getMessage());
            }
        }
        taken.sort(Comparator.comparing((Taken t) -> t.fix().fixedAt()).thenComparing(Taken::index));
        Map<LocalDate, List<OpenRoute>> routesByDay = new HashMap<>();
        Map<Long, VanPosition> positions = new HashMap<>();
        Map<Long, Fix> latest = new HashMap<>();
        for (Taken t : taken) {
            LocalDate day = t.fix().fixedAt().atZone(ZoneId.of(zone)).toLocalDate();
            OpenRoute route = routeAt(routesByDay.computeIfAbsent(day, d -> routesOf(device, d)), t.fix().fixedAt());
            if (route == null) {
                results[t.index()] = PositionResult.rejected(t.index(), "no-open-route",
                        "you have no open route on " + day + "; positions are kept only while a route is driven");
                continue;
            }
            results[t.index()] = apply(route, t, positions, now);
            if (results[t.index()].status() == PositionResult.Status.STORED) {
                latest.put(route.id(), t.fix());
            }
        }
        if (!latest.isEmpty()) {
            // After commit: the live feed, and a forecast of each route soon, off this request (ForecastQueue).
            moved.fire(new VansMoved(latest.keySet().stream().map(positions::get).toList()));
        }
        return List.of(results);
    }

    private PositionResult apply(OpenRoute route, Taken t, Map<Long, VanPosition> positions, Instant now) {
        Fix fix = t.fix();
        VanPosition position = positions.computeIfAbsent(route.id(),
                id -> em.find(VanPosition.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (position == null) {
            position = new VanPosition(route.id(), route.depotId(), fix, now);
            em.persist(position);
            em.persist(new TrackPoint(route.id(), fix));
            positions.put(route.id(), position);
            return PositionResult.stored(t.index());
        }
        if (!fix.fixedAt().isAfter(position.fixedAt())) {
            return PositionResult.duplicate(t.index());
        }
        try {
            check.plausibleAfter(new Fix(position.at(), position.fixedAt(), position.accuracyMetres().orElse(null),
                    position.speedKmh().orElse(null)), fix);
        } catch (FixCheck.Refused refused) {
            return PositionResult.rejected(t.index(), refused.problem(), refused.getMessage());
        }
        if (position.trackKeeps(fix, trackEvery, trackMetres)) {
            em.persist(new TrackPoint(route.id(), fix));
            position.keptInTrack(fix);
        }
        position.moveTo(fix, now);
        return PositionResult.stored(t.index());
    }

    /** A driver's route of a day as the position path needs it: no entity graph, one indexed query. */
    record OpenRoute(long id, long depotId, LocalDateTime departure, Instant closedAt) {
    }

    private List<OpenRoute> routesOf(HandheldDevice device, LocalDate day) {
        return em.createQuery("SELECT r.id, r.depot.id, r.departure, r.closedAt FROM Route r WHERE r.driver = :driver"
                        + " AND r.day = :day AND r.withdrawnAt IS NULL ORDER BY r.id", Object[].class)
                .setParameter("driver", device.driver()).setParameter("day", day).getResultList().stream()
                .map(row -> new OpenRoute((Long) row[0], (Long) row[1], (LocalDateTime) row[2], (Instant) row[3])).toList();
    }

    /**
     * The route being driven at the fix's time: of a driver's trips that day, the last one that had left (an hour's
     * slack for the way out of the yard) and was not yet closed. Before the first trip, the first one.
     */
    private OpenRoute routeAt(List<OpenRoute> routes, Instant at) {
        OpenRoute chosen = null;
        for (OpenRoute route : routes) {
            if (route.closedAt() != null && route.closedAt().isBefore(at)) {
                continue;
            }
            if (chosen == null || !route.departure().atZone(ZoneId.of(zone)).toInstant().isAfter(at.plus(Duration.ofHours(1)))) {
                chosen = route;
            }
        }
        return chosen;
    }

    /** The depot's vans that moved in one committed batch, for the dispatchers' live feed. */
    public record VansMoved(List<VanPosition> positions) {
    }
}
