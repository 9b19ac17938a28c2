package dev.lastmile.partners.handoff.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import jakarta.annotation.security.RolesAllowed;
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

/** Dispatchers offer parcels of their depots to a partner 3PL, which may then accept them. */
@Stateless
@Path("partners/{code}/offers")
@Tag(name = "Partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfferResource {

    @Inject
    HandoffDesk desk;

    @Inject
    CurrentCaller caller;

    public record OfferRequest(String trackingId) {
    }

    public record OfferMade(long offerId, String partnerCode, String trackingId, String offeredBy, String offeredAt) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Offer a parcel to a partner", description = "One open offer per parcel; 404 for a parcel"
            + " outside your depots or an unknown partner.")
    public Response offer(@PathParam("code") String code, OfferRequest request, @Context UriInfo uri) {
        Violations.body(request);
        PartnerOffer offer = desk.offer(code, request.trackingId(), caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(offer.id())).build()).entity(new OfferMade(offer.id(), code, offer.parcel().trackingId().value(),
                offer.offeredBy(), offer.offeredAt().toString())).build();
    }
}
