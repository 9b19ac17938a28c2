package dev.lastmile.pod.proof.boundary;

import jakarta.annotation.security.PermitAll;
import dev.lastmile.pod.proof.control.Certificates;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import dev.lastmile.model.shipper.ShippersByKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ePOD certificate: the evidence of a delivery as a PDF. */
@Stateless
@Path("proofs")
@Tag(name = "Proof of delivery")
public class ProofResource {

    @Inject
    Certificates certificates;

    @GET
    @Path("{trackingId}")
    @PermitAll
    @Produces("application/pdf")
    @Operation(summary = "ePOD certificate of a delivered parcel (PDF)", description = "Signature, photos, time,"
            + " position, driver and vehicle. The shipper sends its API key (X-Api-Key); the recipient the postcode,"
            + " like the tracking details. Anyone else gets 404.")
    public Response certificate(@PathParam("trackingId") String trackingId, @QueryParam("postcode") String postcode,
                                @HeaderParam(ShippersByKey.HEADER) String apiKey) {
        return Response.ok(certificates.deliveryCertificate(trackingId, postcode, apiKey), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"epod-" + trackingId + ".pdf\"").build();
    }
}
