package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.routing.fleet.control.Fleet;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-plans the rest of a depot's day after something changed: a same-day parcel came in, a failed
 * attempt is to be tried again today, or a vehicle broke down. Stops already done stay as they are;
 * the parcels not yet delivered and those newly due are planned again onto the crews still working.
 * A route whose remaining stops change gets a new revision; one that keeps them is left untouched;
 * the broken vehicle's route is withdrawn. The answer says which routes changed.
 * <p>
 * Vans on the road are assumed to continue from the depot at the time of re-planning: their live
 * positions are not known to the planner yet, so the first ETAs of a changed route err on the late side.
 */
@ApplicationScoped
public class Replanning {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Fleet fleet;

    @Inject
    DayInputs inputs;

    @Inject
    DayPlanning planning;

    @Inject
    Publisher publisher;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    public record Outcome(List<Route> changed, List<Route> unchanged, List<Route> added, List<Route> withdrawn,
                          List<PlannedDay.Unassigned> unassigned) {
    }

    public Outcome replan(String depotCode, LocalDate day, String brokenRegistration) {
        Depot depot = fleet.depot(depotCode);
        List<Route> routes = planning.routesOf(depot, day).stream().filter(r -> !r.withdrawn() && r.closedAt().isEmpty()).toList();
        Route broken = brokenRegistration == null ? null : routes.stream()
                .filter(r -> r.vehicle().registration().equals(brokenRegistration)).findFirst()
                .orElseThrow(() -> new InvalidRequest("brokenVehicle", brokenRegistration + " has no open route on " + day));
        // Pickups stay where they were planned; deliveries are done once their parcel left the route's hands.
        Predicate<Stop> done = stop -> stop.isPickup() || isDone(stop.parcel(), day);
        Map<Route, List<Long>> remainingBefore = new LinkedHashMap<>();
        List<Parcel> pending = new ArrayList<>();
        for (Route route : routes) {
            List<Stop> remaining = route.stops().stream().filter(done.negate()).toList();
            remainingBefore.put(route, remaining.stream().map(s -> s.parcel().id()).toList());
            remaining.forEach(s -> pending.add(s.parcel()));
        }
        pending.addAll(em.createNamedQuery(Parcel.DUE_AT_DEPOT, Parcel.class).setParameter("depot", depot)
                .setParameter("date", day).getResultList());

        Set<Long> outOfService = new HashSet<>();
        if (broken != null) {
            outOfService.add(broken.vehicle().id());
        }
        LocalDateTime start = startOf(day);
        Map<Long, Long> crews = new LinkedHashMap<>();
        routes.stream().filter(r -> r != broken && r.driver() != null).forEach(r -> crews.put(r.vehicle().id(), r.driver().id()));
        DayInput input = inputs.of(depot, day, pending, outOfService, brokenDriver(broken), start, crews);
        PlannedDay plan = planning.planner(depot).plan(input, p -> { }, () -> false);
        return apply(depot, day, plan, routes, broken, remainingBefore, done);
    }

    private Outcome apply(Depot depot, LocalDate day, PlannedDay plan, List<Route> routes, Route broken,
                          Map<Route, List<Long>> remainingBefore, Predicate<Stop> done) {
        Instant now = Instant.now();
        Map<Long, PlannedRoute> byVehicle = new LinkedHashMap<>();
        plan.routes().forEach(r -> byVehicle.put(r.vehicleId(), r));
        List<Route> changed = new ArrayList<>();
        List<Route> unchanged = new ArrayList<>();
        List<Route> withdrawn = new ArrayList<>();
        for (Route route : routes) {
            PlannedRoute planned = byVehicle.remove(route.vehicle().id());
            List<Long> after = planned == null ? List.of() : planned.stops().stream().map(PlannedDay.PlannedStop::parcelId).toList();
            if (route == broken) {
                route.revise(done, kilometresDone(route, done), now);
                route.withdraw(now);
                withdrawn.add(route);
            } else if (after.equals(remainingBefore.get(route))) {
                unchanged.add(route);
            } else {
                route.revise(done, kilometresDone(route, done), now);
                if (planned != null) {
                    publisher.extend(route, planned, null);
                }
                changed.add(route);
            }
        }
        em.flush();
        publisher.announce(changed);
        // Crews that had no route today take the rest.
        List<Route> added = publisher.publishReplanned(depot, day, new PlannedDay(new ArrayList<>(byVehicle.values()), List.of(),
                PlannedDay.totalsOf(new ArrayList<>(byVehicle.values()))));
        for (PlannedDay.Unassigned left : plan.unassigned()) {
            Parcel parcel = em.find(Parcel.class, left.parcelId());
            if (parcel.status() == ParcelStatus.PLANNED || parcel.status() == ParcelStatus.OUT_FOR_DELIVERY) {
                parcel.returnToPlanning(day);
            }
        }
        return new Outcome(changed, unchanged, added, withdrawn, plan.unassigned());
    }

    /** A stop is done once its parcel left the route's hands: delivered, attempted, or moved to another day. */
    static boolean isDone(Parcel parcel, LocalDate day) {
        return !(parcel.status() == ParcelStatus.PLANNED || parcel.status() == ParcelStatus.OUT_FOR_DELIVERY)
                || !parcel.deliveryDate().equals(day);
    }

    /** Straight-line kilometres (with the urban circuity) from the depot along the done stops. */
    private static double kilometresDone(Route route, Predicate<Stop> done) {
        GeoPoint at = route.depot().location();
        double km = 0;
        for (Stop stop : route.stops()) {
            if (done.test(stop)) {
                km += at.kilometresTo(stop.parcel().location()) * RoutePlanner.CIRCUITY;
                at = stop.parcel().location();
            }
        }
        return km;
    }

    private List<Long> brokenDriver(Route broken) {
        return broken == null || broken.driver() == null ? List.of() : List.of(broken.driver().id());
    }

    private LocalDateTime startOf(LocalDate day) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of(zone));
        LocalDateTime departure = planning.departureOn(day);
        return now.isAfter(departure) ? now : departure;
    }
}
