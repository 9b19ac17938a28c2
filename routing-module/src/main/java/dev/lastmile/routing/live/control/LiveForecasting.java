package dev.lastmile.routing.live.control;

import dev.lastmile.model.event.EtaRevised;
import dev.lastmile.model.event.RouteProgressed;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.handheld.ScanType;
import dev.lastmile.model.live.RouteForecast;
import dev.lastmile.model.live.StopForecast;
import dev.lastmile.model.live.VanPosition;
import dev.lastmile.model.live.WindowStage;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.routing.distance.DistanceMatrix;
import dev.lastmile.routing.distance.DistanceSource;
import dev.lastmile.routing.planning.control.Distances;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After a stop is done or the van moved, forecasts the route's remaining stops again, tells each recipient the
 * window that follows ({@link WindowTelling}), and keeps the route's outlook for the dispatcher's "running late"
 * list. Runs in the handheld upload's transaction: a forecast that fails rolls the upload back, so it is retried.
 */
@ApplicationScoped
public class LiveForecasting {

    private static final Set<ParcelStatus> ON_BOARD = EnumSet.of(ParcelStatus.PLANNED, ParcelStatus.OUT_FOR_DELIVERY);

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Distances distances;

    @Inject
    Event<EtaRevised> revised;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    @Inject
    @ConfigProperty(name = "lastmile.live.half-hour-stops", defaultValue = "3")
    int halfHourStops;

    @Inject
    @ConfigProperty(name = "lastmile.live.half-hour-within", defaultValue = "PT45M")
    Duration halfHourWithin;

    @Inject
    @ConfigProperty(name = "lastmile.live.window-margin", defaultValue = "PT10M")
    Duration margin;

    private WindowTelling telling;

    @PostConstruct
    void configure() {
        telling = new WindowTelling(new WindowTelling.Settings(halfHourStops, halfHourWithin, margin));
    }

    void progressed(@Observes RouteProgressed event) {
        Route route = em.find(Route.class, event.routeId());
        if (route == null || route.withdrawn() || route.closedAt().isPresent()) {
            return;
        }
        RouteForecast previous = em.find(RouteForecast.class, route.id());
        Instant at = event.at();
        if (previous != null && !previous.updatedAt().isBefore(at)) {
            if (event.cause() == RouteProgressed.Cause.POSITION) {
                return; // a position the route's forecast has already gone past
            }
            at = previous.updatedAt(); // a stop done reported late: the forecast goes on from where it was
        }
        ZoneId zoneId = ZoneId.of(zone);
        LocalDateTime now = LocalDateTime.ofInstant(at, zoneId);
        List<Stop> deliveries = route.deliveries().stream().filter(s -> s.parcel().location() != null).toList();
        Map<String, LocalDateTime> done = doneStops(route, deliveries, zoneId, now);
        VanPosition position = em.find(VanPosition.class, route.id());
        EtaForecast.Seen seen = position == null ? null
                : new EtaForecast.Seen(position.at(), LocalDateTime.ofInstant(position.fixedAt(), zoneId));
        DistanceSource source = distances.of(route.depot().distanceModel());
        EtaForecast.Result result = EtaForecast.forecast(deliveries.stream().map(LiveForecasting::planned).toList(),
                route.departure(), done, seen, now, route.returnsAt().orElse(null),
                (from, to) -> drive(source, route, from, to));

        Map<Long, Stop> byId = deliveries.stream().collect(Collectors.toMap(Stop::id, Function.identity()));
        Map<Long, StopForecast> forecasts = em.createNamedQuery(StopForecast.OF_ROUTE, StopForecast.class)
                .setParameter("route", route.id()).getResultList().stream()
                .collect(Collectors.toMap(StopForecast::stopId, Function.identity(), (a, b) -> a, HashMap::new));
        int late = 0;
        long worst = 0;
        for (EtaForecast.Eta eta : result.etas()) {
            Stop stop = byId.get(eta.stop().stopId());
            StopForecast forecast = forecasts.remove(stop.id());
            late += lateness(stop, eta.at()) > 0 ? 1 : 0;
            worst = Math.max(worst, lateness(stop, eta.at()));
            if (stop.parcel().status() != ParcelStatus.OUT_FOR_DELIVERY) {
                continue;
            }
            if (forecast == null) {
                LocalDateTime[] told = stop.parcel().etaWindow().orElseGet(() -> planWindow(stop));
                forecast = new StopForecast(stop.id(), route.id(), stop.parcel().trackingId().value(), told[0], told[1],
                        eta.at(), at);
                em.persist(forecast);
            }
            forecast.forecast(eta.at(), eta.stopsBefore(), at);
            tell(forecast, stop, eta, now, at);
        }
        forecasts.values().forEach(em::remove);
        RouteForecast outlook = Optional.ofNullable(previous).orElseGet(() -> {
            RouteForecast created = new RouteForecast(route.id(), route.depot().id(), route.day());
            em.persist(created);
            return created;
        });
        LocalDateTime shiftEnd = route.driver() == null ? null : route.day().atTime(route.driver().shiftEnd());
        outlook.update(result.etas().size(), late, (int) worst, result.returnsAt(), shiftEnd, result.pace(), at);
    }

    private void tell(StopForecast forecast, Stop stop, EtaForecast.Eta eta, LocalDateTime now, Instant at) {
        WindowTelling.Told told = new WindowTelling.Told(forecast.toldFrom(), forecast.toldTo(), forecast.stage());
        telling.next(told, eta.at(), eta.stopsBefore(), now).ifPresent(decision -> {
            WindowTelling.Told next = decision.told();
            forecast.tell(next.from(), next.to(), next.stage());
            revised.fire(new EtaRevised(stop.parcel().trackingId(), stop.route().id(), next.from(), next.to(), eta.at(),
                    next.stage(), decision.change(), eta.stopsBefore(), decision.movedMinutes(), at));
        });
    }

    /**
     * Done stops with the time the driver finished them: the handheld's delivery or failed-attempt scan on this route;
     * a parcel no longer on board without such a scan (handed over at the depot, say) is done as of now.
     */
    private Map<String, LocalDateTime> doneStops(Route route, List<Stop> deliveries, ZoneId zoneId, LocalDateTime now) {
        Map<String, LocalDateTime> done = new HashMap<>();
        em.createQuery("SELECT e.trackingId, MIN(e.occurredAt) FROM ScanEvent e WHERE e.routeId = :route"
                        + " AND e.type IN :types GROUP BY e.trackingId", Object[].class)
                .setParameter("route", route.id()).setParameter("types", List.of(ScanType.DELIVERED, ScanType.FAILED))
                .getResultList().forEach(row -> done.put((String) row[0], LocalDateTime.ofInstant((Instant) row[1], zoneId)));
        for (Stop stop : deliveries) {
            Parcel parcel = stop.parcel();
            if (!ON_BOARD.contains(parcel.status())) {
                done.putIfAbsent(parcel.trackingId().value(), now);
            }
        }
        return done;
    }

    /**
     * How many minutes the stop is forecast after what the recipient was promised: the end of the booked slot, or of
     * the hour told when the van left, whichever is later (the plan may have promised less than the slot).
     */
    private static long lateness(Stop stop, LocalDateTime eta) {
        LocalDateTime promised = planWindow(stop)[1];
        LocalDateTime slotEnd = stop.parcel().slot().map(slot -> stop.eta().toLocalDate().atTime(slot.to())).orElse(promised);
        return Math.max(0, Duration.between(slotEnd.isAfter(promised) ? slotEnd : promised, eta).toMinutes());
    }

    private static LocalDateTime[] planWindow(Stop stop) {
        return new LocalDateTime[] {stop.eta().minusMinutes(30), stop.eta().plusMinutes(30)};
    }

    private static EtaForecast.PlannedStop planned(Stop stop) {
        return new EtaForecast.PlannedStop(stop.id(), stop.parcel().trackingId().value(), stop.parcel().location(),
                stop.eta(), stop.departs().orElse(null));
    }

    private static Duration drive(DistanceSource source, Route route, GeoPoint from, GeoPoint to) {
        try {
            DistanceMatrix matrix = source.matrix(List.of(from, to), route.vehicle().type());
            return Duration.ofMillis(Math.round(matrix.seconds(0, 1) * 1000));
        } catch (RuntimeException offRoad) {
            // A fix off the road network (a yard, a car park): straight on at town speed.
            return Duration.ofSeconds(Math.round(from.kilometresTo(to) / 25.0 * 3600));
        }
    }
}
