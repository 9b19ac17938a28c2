package dev.lastmile.routing.planning.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.route.Route;
import dev.lastmile.routing.fleet.control.Fleet;
import dev.lastmile.routing.planning.control.DayPlanning;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Routes as dispatchers and drivers read them. */
@Stateless
@Path("routes")
@Tag(name = "Planning")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    @Inject
    DayPlanning planning;

    @Inject
    Fleet fleet;

    @Inject
    dev.lastmile.routing.planning.control.Distances distances;

    @Inject
    dev.lastmile.routing.planning.control.Replanning replanning;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    /** A route of another depot is as unknown as one that never was. */
    private Route scoped(long id) {
        Route route = em.find(Route.class, id);
        if (route == null || !caller.get().sees(route.depot().code())) {
            throw new NotFound("route", String.valueOf(id));
        }
        return route;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Routes of a depot's day")
    public List<RouteView> routes(@QueryParam("depot") String depot, @QueryParam("date") String date) {
        Violations violations = new Violations().require("depot", depot).require("date", date);
        LocalDate day = date == null ? null : violations.attempt("date", () -> LocalDate.parse(date));
        violations.throwIfAny();
        caller.get().requireDepot(depot);
        return planning.routesOf(fleet.depot(depot), day).stream().map(RouteView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Read a route")
    public RouteView route(@PathParam("id") long id) {
        return RouteView.of(scoped(id));
    }

    public record GeometryView(long routeId, String distanceModel, String encodedPolyline, List<double[]> points,
                               double metres, double seconds, String attribution) {
    }

    @GET
    @Path("{id}/geometry")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "The route's line for a map: depot, stops in order, depot", description = "Along the roads when"
            + " the depot plans on the road network (map data © OpenStreetMap contributors), else straight legs.")
    public GeometryView geometry(@PathParam("id") long id) {
        return lineOf(scoped(id), distances);
    }

    /** Depot, the stops in order, depot: along the roads where the depot plans on them. */
    static GeometryView lineOf(Route route, dev.lastmile.routing.planning.control.Distances distances) {
        List<dev.lastmile.model.geo.GeoPoint> stops = new ArrayList<>();
        stops.add(route.depot().location());
        route.stops().forEach(s -> stops.add(s.parcel().location()));
        stops.add(route.depot().location());
        dev.lastmile.routing.distance.RouteGeometry line = distances.of(route.depot().distanceModel())
                .geometry(stops, route.vehicle().type());
        return new GeometryView(route.id(), route.depot().distanceModel().name(), line.encodedPolyline(),
                line.points().stream().map(p -> new double[] {p.latitude(), p.longitude()}).toList(), line.metres(),
                line.seconds(), line.attribution());
    }

    public record ReplanRequest(String depot, String date, String brokenVehicle) {
    }

    public record ReplanView(List<RouteView> changed, List<Long> unchanged, List<RouteView> added, List<RouteView> withdrawn,
                             List<dev.lastmile.routing.planning.control.PlannedDay.Unassigned> unassigned) {
    }

    @POST
    @Path("replan")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-plan the rest of a depot's day", description = "After a same-day parcel, a failed attempt"
            + " to retry today or a breakdown (brokenVehicle: its registration): stops already done stay; the rest is"
            + " planned again. Lists the routes that changed (their revision went up), those left as they were, new"
            + " routes, the withdrawn route and parcels that found no place.")
    public ReplanView replan(ReplanRequest request) {
        Violations.body(request);
        Violations violations = new Violations().require("depot", request.depot()).require("date", request.date());
        LocalDate day = request.date() == null ? null : violations.attempt("date", () -> LocalDate.parse(request.date()));
        violations.throwIfAny();
        caller.get().requireDepot(request.depot());
        dev.lastmile.routing.planning.control.Replanning.Outcome outcome = replanning.replan(request.depot(), day,
                request.brokenVehicle());
        return new ReplanView(outcome.changed().stream().map(RouteView::of).toList(),
                outcome.unchanged().stream().map(Route::id).toList(), outcome.added().stream().map(RouteView::of).toList(),
                outcome.withdrawn().stream().map(RouteView::of).toList(), outcome.unassigned());
    }
}
