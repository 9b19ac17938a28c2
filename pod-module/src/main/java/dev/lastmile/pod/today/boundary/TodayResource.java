package dev.lastmile.pod.today.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.pod.today.control.DepotDay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Today at a depot": the console's first screen, refreshed by polling. */
@Stateless
@Path("depots/{code}/today")
@Tag(name = "Proof of delivery")
@Produces(MediaType.APPLICATION_JSON)
public class TodayResource {

    @Inject
    DepotDay day;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "A depot's day so far", description = "Parcels by status, route progress (late: the next open"
            + " stop's ETA passed more than 15 minutes ago), vans out, open exceptions, addresses to check, first-attempt"
            + " success and on-time ratios (null while nothing was delivered or attempted). date defaults to today.")
    public DepotDay.Summary today(@PathParam("code") String code, @QueryParam("date") String date) {
        Violations violations = new Violations();
        LocalDate when = date == null || date.isBlank() ? null : violations.attempt("date", () -> LocalDate.parse(date));
        violations.throwIfAny();
        return day.of(code, when);
    }
}
