package dev.lastmile.partners.handoff.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import dev.lastmile.partners.handoff.control.ManifestFiles;
import dev.lastmile.partners.handoff.control.ManifestLine;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner 3PL's own door (the REST twin of the SOAP endpoints). Which partner calls comes from its
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

    @Inject
    @ConfigProperty(name = "lastmile.carrier.name", defaultValue = "Lastmile")
    String carrierName;

    public record OfferView(long offerId, String trackingId, String town, String postcode, double weightKg,
                            String offeredAt, String deliveryDate) {

        static OfferView of(PartnerOffer offer) {
            return new OfferView(offer.id(), offer.parcel().trackingId().value(), offer.parcel().address().town(),
                    offer.parcel().address().postcode().value(), offer.parcel().weightKg(), offer.offeredAt().toString(),
                    offer.offeredFor().toString());
        }
    }

    public record RefusalRequest(String trackingId, String reason) {
    }

    public record RefusalView(String trackingId, String refusedAt) {
    }

    @GET
    @Path("offers")
    @Operation(summary = "Parcels offered to you and not yet accepted")
    public List<OfferView> offers() {
        return desk.offersTo(me()).stream().map(OfferView::of).toList();
    }

    @GET
    @Path("manifest")
    @Produces({"application/json;qs=1"})
    @Operation(summary = "Your manifest for a day", description = "The parcels offered to you for delivery on `day`"
            + " (default today), open or accepted; accepted ones with recipient and address. Also as `text/csv` and"
            + " `application/pdf` (Accept header).")
    public List<ManifestLine> manifest(@QueryParam("day") String day) {
        return desk.manifestLines(me(), dayOf(day, desk));
    }

    @GET
    @Path("manifest")
    @Produces("text/csv;qs=0.5")
    @Operation(hidden = true)
    public Response manifestCsv(@QueryParam("day") String day) {
        LocalDate date = dayOf(day, desk);
        return Response.ok(ManifestFiles.csv(desk.manifestLines(me(), date)))
                .header("Content-Disposition", "attachment; filename=\"manifest-" + date + ".csv\"").build();
    }

    @GET
    @Path("manifest")
    @Produces("application/pdf;qs=0.5")
    @Operation(hidden = true)
    public Response manifestPdf(@QueryParam("day") String day) {
        LocalDate date = dayOf(day, desk);
        Partner partner = me();
        return Response.ok(ManifestFiles.pdf(carrierName, partner, date, desk.manifestLines(partner, date)))
                .header("Content-Disposition", "attachment; filename=\"manifest-" + date + ".pdf\"").build();
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

    @POST
    @Path("refusals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse a parcel offered to you", description = "With a reason; the carrier offers it to"
            + " another partner or keeps it. A parcel not offered to you answers 404.")
    public RefusalView refuse(RefusalRequest request) {
        Violations.body(request);
        desk.refuse(me(), request.trackingId(), request.reason(), "REST");
        return new RefusalView(request.trackingId(), Instant.now().toString());
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

    static LocalDate dayOf(String text, HandoffDesk desk) {
        if (text == null || text.isBlank()) {
            return desk.today();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("day", "must be a date, e.g. 2026-12-02");
        }
    }
}
