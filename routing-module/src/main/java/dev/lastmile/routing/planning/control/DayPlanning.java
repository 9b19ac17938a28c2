package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.route.Route;
import dev.lastmile.routing.fleet.control.Fleet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans a depot's day at once and publishes it: the parcels due that are not on a route yet go onto
 * routes of the crews not out yet. (Planning jobs do the same in the background, publishing on request.)
 */
@ApplicationScoped
public class DayPlanning {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Fleet fleet;

    @Inject
    DayInputs inputs;

    @Inject
    Distances distances;

    @Inject
    Publisher publisher;

    @Inject
    @ConfigProperty(name = "lastmile.routing.departure", defaultValue = "08:00")
    String departureTime;

    /** The most a plan may take; the solver uses all of it on a large day. */
    @Inject
    @ConfigProperty(name = "lastmile.routing.time-budget-seconds", defaultValue = "5")
    double timeBudgetSeconds;

    /** FEWEST_VEHICLES_THEN_COST, or COST (vehicles weigh in by their fixed cost only). */
    @Inject
    @ConfigProperty(name = "lastmile.routing.objective", defaultValue = "FEWEST_VEHICLES_THEN_COST")
    String objective;

    public record Result(List<Route> routes, Map<Parcel, String> unplaced, PlannedDay plan) {
    }

    public Result plan(String depotCode, LocalDate day) {
        Depot depot = fleet.depot(depotCode);
        List<Route> existing = routesOf(depot, day);
        Set<Long> busyVehicles = existing.stream().filter(r -> !r.withdrawn()).map(r -> r.vehicle().id()).collect(Collectors.toSet());
        Set<Long> busyDrivers = existing.stream().filter(r -> r.driver() != null).map(r -> r.driver().id()).collect(Collectors.toSet());
        DayInput input = inputs.of(depot, day, busyVehicles, busyDrivers, departureOn(day));
        PlannedDay plan = planner(depot).plan(input, p -> { }, () -> false);
        List<Route> routes = publisher.publish(depot, day, plan, null);
        Map<Parcel, String> unplaced = new LinkedHashMap<>();
        plan.unassigned().forEach(u -> unplaced.put(em.find(Parcel.class, u.parcelId()), u.reason()));
        return new Result(routes, unplaced, plan);
    }

    /** Interactive planning: a small day takes less than the whole budget. */
    public DayPlanner planner(Depot depot) {
        return new DayPlanner(distances.of(depot.distanceModel()), budget(), true, objective());
    }

    /** A planning job uses the budget it was given. */
    public DayPlanner planner(Depot depot, Duration budget) {
        return new DayPlanner(distances.of(depot.distanceModel()), budget, false, objective());
    }

    private dev.lastmile.routing.planning.solver.Objective objective() {
        return dev.lastmile.routing.planning.solver.Objective.valueOf(objective);
    }

    public Duration budget() {
        return Duration.ofMillis(Math.round(timeBudgetSeconds * 1000));
    }

    public LocalDateTime departureOn(LocalDate day) {
        return day.atTime(LocalTime.parse(departureTime));
    }

    public LocalTime departureTime() {
        return LocalTime.parse(departureTime);
    }

    public List<Route> routesOf(Depot depot, LocalDate day) {
        return em.createNamedQuery(Route.OF_DAY, Route.class).setParameter("depot", depot).setParameter("day", day)
                .getResultList();
    }
}
