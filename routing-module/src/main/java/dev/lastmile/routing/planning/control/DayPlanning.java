package dev.lastmile.routing.planning.control;

import dev.lastmile.model.event.ParcelPlanned;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.routing.planning.control.RoutePlanner.Call;
import dev.lastmile.routing.planning.control.RoutePlanner.Destination;
import dev.lastmile.routing.planning.control.RoutePlanner.Plan;
import dev.lastmile.routing.planning.control.RoutePlanner.Tour;
import dev.lastmile.routing.planning.control.RoutePlanner.Van;
import dev.lastmile.routing.fleet.control.Fleet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans a depot's day: the parcels due that are not on a route yet go onto routes of the vehicles
 * that have none that day. Every planned parcel is announced, so orders can update its timeline.
 */
@ApplicationScoped
public class DayPlanning {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Fleet fleet;

    @Inject
    Event<ParcelPlanned> planned;

    @Inject
    @ConfigProperty(name = "lastmile.routing.departure", defaultValue = "08:00")
    String departureTime;

    /** The most a plan may take; the solver uses all of it on a large day. */
    @Inject
    @ConfigProperty(name = "lastmile.routing.time-budget-seconds", defaultValue = "5")
    double timeBudgetSeconds;

    public record Result(List<Route> routes, Map<Parcel, String> unplaced) {
    }

    public Result plan(String depotCode, LocalDate day) {
        Depot depot = fleet.depot(depotCode);
        List<Route> existing = routesOf(depot, day);
        Set<Long> busy = existing.stream().map(r -> r.vehicle().id()).collect(Collectors.toSet());
        List<Vehicle> free = fleet.vehiclesAt(depot).stream().filter(v -> !busy.contains(v.id())).toList();
        List<Parcel> due = em.createNamedQuery(Parcel.DUE_AT_DEPOT, Parcel.class)
                .setParameter("depot", depot).setParameter("date", day).getResultList();
        LocalDateTime departure = day.atTime(LocalTime.parse(departureTime));

        Plan plan = new RoutePlanner(Duration.ofMillis(Math.round(timeBudgetSeconds * 1000))).plan(depot.location(), departure,
                free.stream().map(v -> new Van(v.id(), v.capacityKg(), v.capacityParcels(), v.type().urbanSpeedKmh())).toList(),
                due.stream().map(p -> new Destination(p.id(), p.location(), p.weightKg(), p.slot().orElse(null))).toList());

        Map<Long, Parcel> parcels = due.stream().collect(Collectors.toMap(Parcel::id, Function.identity()));
        Map<Long, Vehicle> vehicles = free.stream().collect(Collectors.toMap(Vehicle::id, Function.identity()));
        Iterator<Driver> drivers = fleet.driversAt(depot).stream().filter(d -> !driving(d, existing)).iterator();
        List<Route> routes = new ArrayList<>();
        for (Tour tour : plan.tours()) {
            Route route = new Route(depot, vehicles.get(tour.vehicleId()), drivers.hasNext() ? drivers.next() : null,
                    day, departure);
            for (Call call : tour.calls()) {
                route.addStop(parcels.get(call.parcelId()), call.eta(), call.kilometresFromPrevious());
            }
            route.closeAtDepot(tour.kilometresBack());
            em.persist(route);
            routes.add(route);
        }
        em.flush();
        announce(routes);
        Map<Parcel, String> unplaced = plan.unplaced().entrySet().stream()
                .collect(Collectors.toMap(e -> parcels.get(e.getKey()), Map.Entry::getValue));
        return new Result(routes, unplaced);
    }

    public List<Route> routesOf(Depot depot, LocalDate day) {
        return em.createNamedQuery(Route.OF_DAY, Route.class).setParameter("depot", depot).setParameter("day", day)
                .getResultList();
    }

    private void announce(List<Route> routes) {
        Instant now = Instant.now();
        for (Route route : routes) {
            for (Stop stop : route.stops()) {
                planned.fire(new ParcelPlanned(stop.parcel().trackingId(), route.id(), route.vehicle().registration(),
                        stop.eta(), now));
            }
        }
    }

    private static boolean driving(Driver driver, List<Route> routes) {
        return routes.stream().anyMatch(r -> r.driver() != null && r.driver().id().equals(driver.id()));
    }
}
