package dev.lastmile.routing.planning.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.route.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The driver's own route as a line for the handheld's map, the same line staff see. */
@Stateless
@Path("handheld/routes/{id}/geometry")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
public class HandheldRouteLineResource {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    dev.lastmile.routing.planning.control.Distances distances;

    @GET
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The line of one of the driver's routes", description = "Depot, stops in order, depot; along"
            + " the roads where the depot plans on the road network. Another driver's route answers 404.")
    public RouteResource.GeometryView line(@PathParam("id") long id) {
        HandheldDevice device = em.find(HandheldDevice.class, caller.get().accountId());
        Route route = em.find(Route.class, id);
        if (device == null || route == null || route.driver() == null || !route.driver().id().equals(device.driver().id())) {
            throw new NotFound("route", String.valueOf(id));
        }
        return RouteResource.lineOf(route, distances);
    }
}
