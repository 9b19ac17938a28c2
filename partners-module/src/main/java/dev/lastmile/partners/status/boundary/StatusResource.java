package dev.lastmile.partners.status.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import dev.lastmile.partners.status.control.StatusCheck;
import dev.lastmile.partners.status.control.StatusReports;
import dev.lastmile.partners.status.control.StatusResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner reports what happened to the parcels it carries, in batches of up to 500, a result per event. */
@Stateless
@Path("partner/events")
@Tag(name = "Partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class StatusResource {

    @Inject
    StatusReports reports;

    @Inject
    HandoffDesk desk;

    @Inject
    CurrentCaller caller;

    public record Batch(List<StatusCheck.Sent> events) {
    }

    public record Results(List<StatusResult> results) {
    }

    @POST
    @Operation(summary = "Report status events of parcels you carry", description = "Each event under your own"
            + " `eventId`: sent again, it answers DUPLICATE and changes nothing. Events are applied in occurrence order;"
            + " one older than your latest report is HISTORY; one that contradicts the parcel is REFUSED with a reason,"
            + " and the others of the batch still count.")
    public Results report(Batch batch) {
        Violations.body(batch);
        return new Results(reports.report(desk.partner(caller.get()), batch.events(), "REST"));
    }
}
