package dev.lastmile.partners.handoff.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner 3PL's own door (the REST twin of the SOAP endpoint). Which partner calls comes from its
 * credential, never from the URL or the body; it sees only parcels offered or handed to it.
 */
@Stateless
@Path("partner")
@Tag(name = "Partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
public class HandoffResource {

    @Inject
    HandoffDesk desk;

    @Inject
    CurrentCaller caller;

    public record OfferView(long offerId, String trackingId, String town, String postcode, double weightKg,
                            String offeredAt) {

        static OfferView of(PartnerOffer offer) {
            return new OfferView(offer.id(), offer.parcel().trackingId().value(), offer.parcel().address().town(),
                    offer.parcel().address().postcode().value(), offer.parcel().weightKg(), offer.offeredAt().toString());
        }
    }

    @GET
    @Path("offers")
    @Operation(summary = "Parcels offered to you and not yet accepted")
    public List<OfferView> offers() {
        return desk.offersTo(me()).stream().map(OfferView::of).toList();
    }

    @POST
    @Path("handoffs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a parcel offered to you", description = "You take over its delivery. A parcel not"
            + " offered to you answers 404.")
    public Response accept(HandoffRequest request, @Context UriInfo uri) {
        Violations.body(request);
        HandoffView handoff = HandoffView.of(desk.accept(me(), request.trackingId(), request.partnerReference(), "REST"));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(handoff.handoffId())).build())
                .entity(handoff).build();
    }

    @GET
    @Path("handoffs")
    @Operation(summary = "Parcels you accepted, newest first (at most 1000)")
    public List<HandoffView> handoffs() {
        return desk.handoffsOf(me()).stream().map(HandoffView::of).toList();
    }

    private Partner me() {
        return desk.partner(caller.get());
    }
}
