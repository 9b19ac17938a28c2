package dev.lastmile.partners.settlement.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.partners.settlement.control.Statement;
import dev.lastmile.partners.settlement.control.Statements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Managers read a partner's month: SLA, first attempts, proofs, refusals, and the settlement. */
@Stateless
@Path("partners/{code}/statements/{month}")
@Tag(name = "Partners")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class StatementResource {

    @Inject
    Statements statements;

    @Inject
    @ConfigProperty(name = "lastmile.carrier.name", defaultValue = "Lastmile")
    String carrierName;

    @GET
    @Produces("application/json;qs=1")
    @Operation(summary = "A partner's performance and settlement for a month", description = "`month` as 2026-12."
            + " Also as `text/csv` and `application/pdf` (Accept header). Delivered parcels are paid at the price"
            + " quoted when offered; on time is within the SLA's days of the handover.")
    public Statement json(@PathParam("code") String code, @PathParam("month") String month) {
        return statements.of(code, month);
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @Operation(hidden = true)
    public Response csv(@PathParam("code") String code, @PathParam("month") String month) {
        Statement statement = statements.of(code, month);
        return Response.ok(Statements.csv(statement)).header("Content-Disposition",
                "attachment; filename=\"settlement-" + code + "-" + statement.month() + ".csv\"").build();
    }

    @GET
    @Produces("application/pdf;qs=0.5")
    @Operation(hidden = true)
    public Response pdf(@PathParam("code") String code, @PathParam("month") String month) {
        Statement statement = statements.of(code, month);
        return Response.ok(Statements.pdf(carrierName, statement)).header("Content-Disposition",
                "attachment; filename=\"settlement-" + code + "-" + statement.month() + ".pdf\"").build();
    }
}
