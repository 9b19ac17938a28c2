package dev.lastmile.routing.planning.control;

import dev.lastmile.model.event.ParcelLeftUnplaced;
import dev.lastmile.model.event.ParcelPlanned;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.returns.ParcelReturn;
import dev.lastmile.model.returns.ReturnStatus;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedRoute;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedStop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a plan into the drivers' routes. Publishing is the one step that changes what drivers see;
 * a parcel that changed meanwhile (delivered, planned elsewhere) makes the whole publication refuse.
 */
@ApplicationScoped
public class Publisher {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelPlanned> planned;

    @Inject
    Event<ParcelLeftUnplaced> unplaced;

    public List<Route> publish(Depot depot, LocalDate day, PlannedDay plan, Long jobId) {
        return publish(depot, day, plan, jobId, EnumSet.of(ParcelStatus.REGISTERED));
    }

    /** A re-plan also moves parcels already planned, or on a broken van, onto new routes. */
    public List<Route> publishReplanned(Depot depot, LocalDate day, PlannedDay plan) {
        return publish(depot, day, plan, null, EnumSet.of(ParcelStatus.REGISTERED, ParcelStatus.PLANNED,
                ParcelStatus.OUT_FOR_DELIVERY));
    }

    private List<Route> publish(Depot depot, LocalDate day, PlannedDay plan, Long jobId, Set<ParcelStatus> movable) {
        List<Route> routes = new ArrayList<>();
        for (PlannedRoute planned : plan.routes()) {
            Route route = new Route(depot, em.find(Vehicle.class, planned.vehicleId()),
                    planned.driverId() == null ? null : em.find(Driver.class, planned.driverId()), day,
                    LocalDateTime.parse(planned.departure()));
            for (PlannedStop stop : planned.stops()) {
                if (stop.returnId() != null) {
                    addPickup(route, stop);
                } else {
                    route.addStop(parcelToPlan(stop, depot, day, movable), LocalDateTime.parse(stop.eta()),
                            LocalDateTime.parse(stop.departs()), stop.kmFromPrevious(), stop.loadKgAfter());
                }
            }
            double kmBack = planned.distanceKm() - planned.stops().stream().mapToDouble(PlannedStop::kmFromPrevious).sum();
            route.closeAtDepot(Math.max(0, kmBack));
            account(route, planned, jobId);
            em.persist(route);
            routes.add(route);
        }
        em.flush();
        routes.forEach(Publisher::markPickups);
        announce(routes);
        leftOut(plan, movable);
        return routes;
    }

    private void addPickup(Route route, PlannedStop stop) {
        ParcelReturn pickup = em.find(ParcelReturn.class, stop.returnId());
        if (pickup == null || pickup.status() != ReturnStatus.OPENED) {
            throw new RuleViolation("plan-outdated", "Plan out of date", "Return " + stop.trackingId()
                    + " is no longer waiting for collection; plan again.");
        }
        route.addPickup(pickup, LocalDateTime.parse(stop.eta()), LocalDateTime.parse(stop.departs()), stop.kmFromPrevious(),
                stop.loadKgAfter());
    }

    private static void markPickups(Route route) {
        route.stops().stream().filter(Stop::isPickup).forEach(s -> s.returnOf().orElseThrow().pickupPlanned(route.id()));
    }

    /** The stops a re-plan gives an existing route, after those already done. */
    public void extend(Route route, PlannedRoute planned, Long jobId) {
        for (PlannedStop stop : planned.stops()) {
            if (stop.returnId() != null) {
                addPickup(route, stop);
            } else {
                route.addStop(em.find(Parcel.class, stop.parcelId()), LocalDateTime.parse(stop.eta()),
                        LocalDateTime.parse(stop.departs()), stop.kmFromPrevious(), stop.loadKgAfter());
            }
        }
        account(route, planned, jobId);
        markPickups(route);
    }

    static void account(Route route, PlannedRoute planned, Long jobId) {
        route.account(jobId, planned.driveMinutes(), BigDecimal.valueOf(planned.cost()).setScale(2, RoundingMode.HALF_UP),
                planned.co2Kg(), planned.returnsAt() == null ? null : LocalDateTime.parse(planned.returnsAt()),
                planned.breakAt() == null ? null : LocalDateTime.parse(planned.breakAt()));
    }

    /**
     * The parcel as the plan saw it: in a status the plan may move, still due that day at that depot, and
     * where the plan drove to (staff may have re-dated it, corrected its address or held it since).
     */
    private Parcel parcelToPlan(PlannedStop stop, Depot depot, LocalDate day, Set<ParcelStatus> movable) {
        Parcel parcel = em.find(Parcel.class, stop.parcelId());
        String change = parcel == null ? "gone" : !movable.contains(parcel.status()) ? "is " + parcel.status()
                : !day.equals(parcel.deliveryDate()) ? "is due on " + parcel.deliveryDate()
                : parcel.depot() == null || !parcel.depot().id().equals(depot.id()) ? "belongs to another depot"
                : movedSince(stop, parcel) ? "has a corrected address" : null;
        if (change != null) {
            throw new RuleViolation("plan-outdated", "Plan out of date", "Parcel " + (parcel == null ? stop.parcelId()
                    : parcel.trackingId().value()) + " " + change + " since the plan was made; plan again.");
        }
        return parcel;
    }

    /** Plans stored before stops carried their position cannot tell, and are taken as they are. */
    private static boolean movedSince(PlannedStop stop, Parcel parcel) {
        return stop.latitude() != null && stop.longitude() != null && parcel.location() != null
                && (Math.abs(stop.latitude() - parcel.location().latitude()) > 1e-6
                || Math.abs(stop.longitude() - parcel.location().longitude()) > 1e-6);
    }

    /** Parcels the published plan left off every route, with the planner's reason: a partner may take them. */
    private void leftOut(PlannedDay plan, Set<ParcelStatus> movable) {
        Instant now = Instant.now();
        for (PlannedDay.Unassigned unassigned : plan.unassigned()) {
            Parcel parcel = unassigned.parcelId() == 0 ? null : em.find(Parcel.class, unassigned.parcelId());
            if (parcel != null && parcel.trackingId().value().equals(unassigned.trackingId())
                    && movable.contains(parcel.status()) && parcel.status() == ParcelStatus.REGISTERED) {
                unplaced.fire(new ParcelLeftUnplaced(parcel.trackingId(), unassigned.code(), now));
            }
        }
    }

    void announce(List<Route> routes) {
        Instant now = Instant.now();
        for (Route route : routes) {
            for (Stop stop : route.deliveries()) {
                if (stop.parcel().status() == ParcelStatus.REGISTERED) {
                    planned.fire(new ParcelPlanned(stop.parcel().trackingId(), route.id(), route.vehicle().registration(),
                            stop.eta(), now));
                }
            }
        }
    }
}
