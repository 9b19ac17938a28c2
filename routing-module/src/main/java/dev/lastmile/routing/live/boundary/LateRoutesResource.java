package dev.lastmile.routing.live.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.live.RouteForecast;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The routes the live forecast sees missing slots or the end of the driver's shift, worst first. */
@Stateless
@Path("depots/{code}/late-routes")
@Tag(name = "Live")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER})
public class LateRoutesResource {

    public record LateRoute(long routeId, String vehicle, String driver, int stopsLeft, int stopsLate,
                            int worstLateMinutes, String predictedReturn, String shiftEnd, long overShiftMinutes,
                            double pace, String forecastAt) {
    }

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    @GET
    @Operation(summary = "Routes running late", description = "Routes of the day (default today) whose live forecast has"
            + " stops after their booked slot or the hour first told, or the van back after the driver's shift; how late.")
    public List<LateRoute> late(@PathParam("code") String code, @QueryParam("date") String date) {
        Violations violations = new Violations();
        LocalDate day = date == null || date.isBlank() ? LocalDate.now(ZoneId.of(zone))
                : violations.attempt("date", () -> LocalDate.parse(date));
        violations.throwIfAny();
        caller.get().requireDepot(code);
        Depot depot = em.createNamedQuery(Depot.BY_CODE, Depot.class).setParameter("code", code).getResultStream()
                .findFirst().orElseThrow(() -> new NotFound("depot", code));
        return em.createNamedQuery(RouteForecast.OF_DEPOT_DAY, RouteForecast.class).setParameter("depot", depot.id())
                .setParameter("day", day).getResultList().stream().filter(RouteForecast::late).map(this::view).toList();
    }

    private LateRoute view(RouteForecast forecast) {
        Route route = em.find(Route.class, forecast.routeId());
        return new LateRoute(forecast.routeId(), route.vehicle().registration(),
                route.driver() == null ? null : route.driver().name(), forecast.stopsLeft(), forecast.stopsLate(),
                forecast.worstLateMinutes(), forecast.predictedReturn().map(LocalDateTime::toString).orElse(null),
                forecast.shiftEnd().map(LocalDateTime::toString).orElse(null), forecast.overShiftMinutes(),
                Math.round(forecast.pace() * 100) / 100.0, forecast.updatedAt().toString());
    }
}
