package dev.lastmile.partners.allocation.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.audit.ChangeReason;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.allocation.control.Allocation;
import dev.lastmile.partners.allocation.control.WaitingList;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dispatchers send parcels to partners by the rule, see the parcels no partner took, and recall parcels from
 * partners. Parcels outside the caller's depots answer 404 like everywhere else.
 */
@Stateless
@Path("partners/allocation")
@Tag(name = "Partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
public class AllocationResource {

    @Inject
    HandoffDesk desk;

    @Inject
    WaitingList waiting;

    @Inject
    CurrentCaller caller;

    @Inject
    ChangeReason because;

    public record AllocationRequest(String trackingId, String comment) {
    }

    public record AllocationView(String trackingId, String status, String partnerCode, String reason) {

        static AllocationView of(Parcel parcel, Allocation.Outcome outcome) {
            return new AllocationView(parcel.trackingId().value(), parcel.status().name(),
                    outcome.offer().map(o -> o.partner().code()).orElse(null), outcome.reason());
        }
    }

    public record RecallRequest(String trackingId, String comment) {
    }

    public record OfferHistory(long offerId, String partnerCode, String offeredAt, String offeredBy, String reason,
                               String price, String acceptedAt, String refusedAt, String refusalReason, String withdrawnAt) {

        static OfferHistory of(PartnerOffer o) {
            return new OfferHistory(o.id(), o.partner().code(), o.offeredAt().toString(), o.offeredBy(),
                    o.reason().orElse(null), o.priceBase() == null ? null : o.priceBase().add(o.priceSurcharge()).toPlainString(),
                    o.acceptedAt().map(Object::toString).orElse(null), o.refusedAt().map(Object::toString).orElse(null),
                    o.refusalReason().orElse(null), o.withdrawnAt().map(Object::toString).orElse(null));
        }
    }

    @POST
    @Operation(summary = "Send a parcel to the partner that fits best", description = "The cheapest active partner"
            + " whose coverage, service, weight bands and remaining capacity fit; none fits: the parcel waits on the"
            + " list of GET /api/partners/allocation/waiting. The reason is kept on the offer and in the audit trail.")
    public AllocationView allocate(AllocationRequest request) {
        Violations.body(request);
        Allocation.Outcome outcome = desk.allocate(request.trackingId(), request.comment(), caller.get());
        because.give(outcome.reason());
        return AllocationView.of(outcome.offer().map(PartnerOffer::parcel).orElseGet(() -> waiting.parcel(request.trackingId())),
                outcome);
    }

    @GET
    @Path("waiting")
    @Operation(summary = "Parcels bound for a partner that none has taken yet", description = "Oldest delivery day"
            + " first; `depot` narrows to one of your depots.")
    public List<WaitingList.Waiting> waiting(@QueryParam("depot") String depot) {
        return waiting.of(caller.get(), depot);
    }

    @POST
    @Path("recalls")
    @Operation(summary = "Take a parcel back from its partner", description = "An offer is withdrawn at once and the"
            + " parcel is the depot's again; a parcel the partner accepted stays with it until it reports it"
            + " RETURNED_TO_CARRIER. The partner hears of it through its callback. A comment is required.")
    public AllocationView recall(RecallRequest request) {
        Violations.body(request);
        if (request.comment() == null || request.comment().isBlank()) {
            throw new InvalidRequest("comment", "say why the parcel is recalled");
        }
        because.give(request.comment().trim());
        Parcel parcel = desk.recall(request.trackingId(), request.comment().trim(), caller.get());
        return new AllocationView(parcel.trackingId().value(), parcel.status().name(), null, "recalled");
    }

    @GET
    @Path("parcels/{trackingId}/offers")
    @Operation(summary = "A parcel's offers to partners, with why each was made and what became of it")
    public List<OfferHistory> history(@PathParam("trackingId") String trackingId) {
        return waiting.offersOf(trackingId, caller.get()).stream().map(OfferHistory::of).toList();
    }
}
