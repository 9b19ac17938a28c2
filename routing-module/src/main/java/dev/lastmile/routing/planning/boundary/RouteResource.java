package dev.lastmile.routing.planning.boundary;

import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.route.Route;
import dev.lastmile.routing.fleet.control.Fleet;
import dev.lastmile.routing.planning.control.DayPlanning;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
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

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @GET
    @Operation(summary = "Routes of a depot's day")
    public List<RouteView> routes(@QueryParam("depot") String depot, @QueryParam("date") String date) {
        Violations violations = new Violations().require("depot", depot).require("date", date);
        LocalDate day = date == null ? null : violations.attempt("date", () -> LocalDate.parse(date));
        violations.throwIfAny();
        return planning.routesOf(fleet.depot(depot), day).stream().map(RouteView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a route")
    public RouteView route(@PathParam("id") long id) {
        Route route = em.find(Route.class, id);
        if (route == null) {
            throw new NotFound("route", String.valueOf(id));
        }
        return RouteView.of(route);
    }
}
