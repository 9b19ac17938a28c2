package dev.lastmile.pod.handheld.boundary;

import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.pod.handheld.boundary.HandheldViews.DepartureView;
import dev.lastmile.pod.handheld.boundary.HandheldViews.ProofView;
import dev.lastmile.pod.handheld.control.Dispatch;
import dev.lastmile.pod.handheld.control.ProofOfDelivery;
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

/** The drivers' handhelds report departures and deliveries here. */
@Stateless
@Path("handheld")
@Tag(name = "Handheld", description = "Driver handheld API")
@Produces(MediaType.APPLICATION_JSON)
public class HandheldResource {

    @Inject
    Dispatch dispatch;

    @Inject
    ProofOfDelivery proofOfDelivery;

    @POST
    @Path("routes/{routeId}/departure")
    @Operation(summary = "The route leaves the depot", description = "Every parcel on it goes out for delivery.")
    public DepartureView depart(@PathParam("routeId") long routeId) {
        return new DepartureView(routeId, dispatch.depart(routeId));
    }

    @POST
    @Path("deliveries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A parcel was delivered", description = "With who received it, where, and their signature (PNG, base64).")
    public Response delivered(DeliveryRequest request) {
        DeliveryProof proof = proofOfDelivery.record(request);
        return Response.status(Response.Status.CREATED).entity(new ProofView(proof.id(),
                proof.parcel().trackingId().value(), proof.receivedBy(), proof.deliveredAt().toString())).build();
    }
}
