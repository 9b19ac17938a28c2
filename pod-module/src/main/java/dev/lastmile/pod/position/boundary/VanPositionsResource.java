package dev.lastmile.pod.position.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.live.TrackPoint;
import dev.lastmile.model.live.VanPosition;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.route.Route;
import dev.lastmile.pod.position.control.VanFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a depot's vans are, for its dispatchers and depot staff only: positions are the drivers' personal data.
 * Staff of another depot get the same 404 as for a depot that does not exist.
 */
@Stateless
@Path("depots/{code}/vans")
@Tag(name = "Live")
@RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF})
public class VanPositionsResource {

    /** A van's position as the console draws it. */
    public record VanView(long routeId, String vehicle, String driver, double latitude, double longitude, Double accuracyM,
                          Double speedKmh, String at) {
    }

    public record TrackView(long routeId, List<double[]> points, List<String> at) {
    }

    /** Positions older than this are a van parked or switched off, not one on the road. */
    static final Duration LIVE = Duration.ofHours(12);

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    VanFeed feed;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The depot's vans where they last were", description = "The latest position of each of the"
            + " depot's routes with a fix in the last 12 hours.")
    public List<VanView> positions(@PathParam("code") String code) {
        Depot depot = depot(code);
        return em.createNamedQuery(VanPosition.OF_DEPOT_SINCE, VanPosition.class).setParameter("depot", depot.id())
                .setParameter("since", Instant.now().minus(LIVE)).getResultList().stream().map(this::view).toList();
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The depot's vans as they move", description = "Server-sent events named 'position', one per"
            + " committed fix: {routeId, latitude, longitude, accuracyM, speedKmh, at}.")
    public void stream(@PathParam("code") String code, @Context SseEventSink sink, @Context Sse sse) {
        feed.open(depot(code).id(), sse, sink);
    }

    @GET
    @Path("{routeId}/track")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The way a route's van went", description = "The route's thinned track: [latitude, longitude]"
            + " points and their times, oldest first.")
    public TrackView track(@PathParam("code") String code, @PathParam("routeId") long routeId) {
        Depot depot = depot(code);
        Route route = em.find(Route.class, routeId);
        if (route == null || !route.depot().id().equals(depot.id())) {
            throw new NotFound("route", String.valueOf(routeId));
        }
        List<TrackPoint> points = em.createNamedQuery(TrackPoint.OF_ROUTE, TrackPoint.class).setParameter("route", routeId)
                .getResultList();
        return new TrackView(routeId, points.stream().map(p -> new double[] {p.latitude(), p.longitude()}).toList(),
                points.stream().map(p -> p.fixedAt().toString()).toList());
    }

    private VanView view(VanPosition position) {
        Route route = em.find(Route.class, position.routeId());
        return new VanView(position.routeId(), route.vehicle().registration(),
                route.driver() == null ? null : route.driver().name(), position.at().latitude(), position.at().longitude(),
                position.accuracyMetres().orElse(null), position.speedKmh().orElse(null), position.fixedAt().toString());
    }

    private Depot depot(String code) {
        caller.get().requireDepot(code);
        return em.createNamedQuery(Depot.BY_CODE, Depot.class).setParameter("code", code).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("depot", code));
    }
}
