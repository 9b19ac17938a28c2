package dev.lastmile.pod.report.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.pod.closing.control.DayClose;
import dev.lastmile.pod.proof.control.Certificates;
import dev.lastmile.pod.report.control.DailyDeliveries;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Managers' delivery reports. */
@Stateless
@Path("reports")
@Tag(name = "Reports", description = "JasperReports documents for managers")
public class ReportResource {

    @Inject
    DailyDeliveries dailyDeliveries;

    @Inject
    DayClose dayClose;

    @Inject
    Certificates certificates;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("routes/{routeId}/reconciliation")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.DISPATCHER, Roles.MANAGER})
    @Produces("application/pdf")
    @Operation(summary = "Reconciliation of a route (PDF)")
    public Response reconciliation(@PathParam("routeId") long routeId) {
        return Response.ok(certificates.reconciliation(dayClose.reconcile(routeId, caller.get())), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"route-" + routeId + "-reconciliation.pdf\"").build();
    }

    @GET
    @Path("depots/{code}/deliveries/{date}")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.DISPATCHER, Roles.MANAGER})
    @Produces("application/pdf")
    @Operation(summary = "Daily delivery report of a depot (PDF)")
    public Response dailyDeliveries(@PathParam("code") String code, @PathParam("date") String date) {
        Violations violations = new Violations();
        LocalDate day = violations.attempt("date", () -> LocalDate.parse(date));
        violations.throwIfAny();
        caller.get().requireDepot(code);
        return Response.ok(dailyDeliveries.pdf(code, day), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"deliveries-" + code + "-" + day + ".pdf\"").build();
    }
}
