package dev.lastmile.pod.proof.boundary;

import dev.lastmile.pod.proof.control.Certificates;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
    @Produces("application/pdf")
    @Operation(summary = "ePOD certificate of a delivered parcel (PDF)", description = "Signature, photos, time,"
            + " position, driver and vehicle. Needs the recipient's postcode, like the tracking details.")
    public Response certificate(@PathParam("trackingId") String trackingId, @QueryParam("postcode") String postcode) {
        return Response.ok(certificates.deliveryCertificate(trackingId, postcode), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"epod-" + trackingId + ".pdf\"").build();
    }
}
