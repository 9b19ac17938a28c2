package dev.lastmile.partners.handoff.boundary;

import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner 3PLs accept parcels handed over to them (the REST twin of the SOAP endpoint). */
@Stateless
@Path("partners/{partnerCode}/handoffs")
@Tag(name = "Partners", description = "Handoffs to partner 3PLs")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {

    @Inject
    HandoffDesk desk;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a parcel", description = "The partner takes over delivery of the parcel.")
    public Response accept(@PathParam("partnerCode") String partnerCode, HandoffRequest request) {
        Violations.body(request);
        return Response.status(Response.Status.CREATED)
                .entity(HandoffView.of(desk.accept(partnerCode, request.trackingId(), request.partnerReference(), "REST")))
                .build();
    }
}
