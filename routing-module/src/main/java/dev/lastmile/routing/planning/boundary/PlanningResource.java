package dev.lastmile.routing.planning.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.routing.planning.control.DayPlanning;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dispatchers plan a depot's day. */
@Stateless
@Path("plans")
@Tag(name = "Planning", description = "Routes of a depot's day")
@Produces(MediaType.APPLICATION_JSON)
public class PlanningResource {

    @Inject
    DayPlanning planning;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Plan a depot's day", description = "Puts the day's unplanned parcels on routes of the vehicles"
            + " without a route that day; parcels that find no place are listed with the reason.")
    public PlanView plan(PlanRequest request) {
        Violations.body(request);
        Violations violations = new Violations().require("depot", request.depot()).require("date", request.date());
        LocalDate day = request.date() == null ? null : violations.attempt("date", () -> LocalDate.parse(request.date()));
        violations.throwIfAny();
        caller.get().requireDepot(request.depot());
        return PlanView.of(request.depot(), request.date(), planning.plan(request.depot(), day));
    }
}
