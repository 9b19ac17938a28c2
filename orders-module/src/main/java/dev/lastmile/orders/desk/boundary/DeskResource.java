package dev.lastmile.orders.desk.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.Photo;
import dev.lastmile.orders.desk.control.ParcelDesk;
import dev.lastmile.orders.desk.control.ParcelSearch;
import dev.lastmile.orders.desk.control.ParcelStory;
import dev.lastmile.orders.intake.control.Labels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The parcel desk of the back office: find a parcel, read its whole story, act on it. Staff see the
 * parcels of their depots (and those not yet at any depot); a parcel of another depot answers 404.
 */
@Stateless
@Path("desk/parcels")
@Tag(name = "Parcel desk", description = "Back office: search parcels, a parcel's whole story, staff actions")
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource {

    static final int LARGEST_PAGE = 100;

    public record SearchPage(long total, boolean totalCapped, int page, int size, List<ParcelSearch.Hit> items) {
    }

    public record Reattempt(String date, String comment) {
    }

    public record Hold(String until, String comment) {
    }

    public record Comment(String comment) {
    }

    public record AddressCorrection(String line, String town, String postcode, String country, Double latitude,
                                    Double longitude, String comment) {
    }

    @Inject
    ParcelSearch search;

    @Inject
    ParcelStory story;

    @Inject
    ParcelDesk desk;

    @Inject
    Labels labels;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "Search parcels", description = "q: a tracking id, or the start of a shipper reference, a"
            + " postcode or any word of the recipient's name. Newest first, paged; the total is counted up to 10,000.")
    public SearchPage search(@QueryParam("q") String q, @QueryParam("depot") String depot,
                             @QueryParam("status") String status, @QueryParam("date") String date,
                             @QueryParam("page") @DefaultValue("0") String page,
                             @QueryParam("size") @DefaultValue("25") String size) {
        Violations violations = new Violations();
        ParcelStatus wanted = status == null || status.isBlank() ? null
                : violations.attempt("status", () -> ParcelStatus.valueOf(status));
        LocalDate day = day(violations, "date", date);
        Integer pageNo = violations.attempt("page", () -> Integer.parseInt(page));
        Integer pageSize = violations.attempt("size", () -> Integer.parseInt(size));
        violations.throwIfAny();
        violations.check(pageNo >= 0 && pageNo <= 10_000, "page", "must be between 0 and 10000")
                .check(pageSize >= 1 && pageSize <= LARGEST_PAGE, "size", "must be between 1 and " + LARGEST_PAGE);
        violations.throwIfAny();
        ParcelSearch.Result found = search.search(new ParcelSearch.Criteria(q, depot, wanted, day, pageNo, pageSize),
                caller.get());
        return new SearchPage(found.total(), found.totalCapped(), pageNo, pageSize, found.hits());
    }

    @GET
    @Path("{trackingId}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "A parcel's whole story", description = "Timeline, choices, notifications (without their"
            + " addresses), proof, attempts, route, handoff, return, exceptions, and the actions you may take now.")
    public ParcelPage page(@PathParam("trackingId") String trackingId) {
        return ParcelPage.of(desk.visible(trackingId), story, caller.get());
    }

    @POST
    @Path("{trackingId}/reattempt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Deliver a parcel at the depot on another day", description = "For a registered or held"
            + " parcel; the comment is required and goes into the audit trail.")
    public ParcelPage reattempt(@PathParam("trackingId") String trackingId, Reattempt request) {
        Violations.body(request);
        Violations violations = new Violations().require("date", request.date());
        LocalDate day = day(violations, "date", request.date());
        violations.throwIfAny();
        Parcel parcel = desk.visible(trackingId);
        desk.reattempt(parcel, day, request.comment());
        return ParcelPage.of(parcel, story, caller.get());
    }

    @POST
    @Path("{trackingId}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Keep a parcel at the depot until a date (at most 14 days)")
    public ParcelPage hold(@PathParam("trackingId") String trackingId, Hold request) {
        Violations.body(request);
        Violations violations = new Violations().require("until", request.until());
        LocalDate until = day(violations, "until", request.until());
        violations.throwIfAny();
        Parcel parcel = desk.visible(trackingId);
        desk.hold(parcel, until, request.comment());
        return ParcelPage.of(parcel, story, caller.get());
    }

    @POST
    @Path("{trackingId}/return-to-sender")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Give a parcel back to its shipper", description = "Opens a return shipment; the comment is"
            + " the reason.")
    public ParcelPage returnToSender(@PathParam("trackingId") String trackingId, Comment request) {
        Violations.body(request);
        Parcel parcel = desk.visible(trackingId);
        desk.returnToSender(parcel, request.comment());
        return ParcelPage.of(parcel, story, caller.get());
    }

    @PUT
    @Path("{trackingId}/address")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Correct a parcel's address", description = "Without latitude and longitude the postcode is"
            + " placed by the gazetteer; a parcel awaiting its address is placed by this and joins planning.")
    public ParcelPage correctAddress(@PathParam("trackingId") String trackingId, AddressCorrection request) {
        Violations.body(request);
        Violations violations = new Violations().require("line", blankToNull(request.line()))
                .require("town", blankToNull(request.town())).require("postcode", blankToNull(request.postcode()));
        violations.throwIfAny();
        Parcel parcel = desk.visible(trackingId);
        String country = request.country() == null || request.country().isBlank()
                ? parcel.address().postcode().country() : request.country();
        Postcode postcode = violations.attempt("postcode", () -> Postcode.of(country, request.postcode()));
        GeoPoint location = null;
        if (request.latitude() != null || request.longitude() != null) {
            violations.require("latitude", request.latitude()).require("longitude", request.longitude());
            violations.throwIfAny();
            location = violations.attempt("latitude", () -> new GeoPoint(request.latitude(), request.longitude()));
        }
        DeliveryAddress corrected = violations.attempt("line",
                () -> new DeliveryAddress(request.line().strip(), request.town().strip(), postcode, null));
        violations.throwIfAny();
        desk.correctAddress(parcel, corrected.at(location), request.comment());
        return ParcelPage.of(parcel, story, caller.get());
    }

    @GET
    @Path("{trackingId}/label")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "Reprint a parcel's label (PDF)")
    public Response label(@PathParam("trackingId") String trackingId) {
        Parcel parcel = desk.visible(trackingId);
        return Response.ok(labels.print(List.of(parcel)), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"label-" + parcel.trackingId().value() + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{trackingId}/proof/signature")
    @Produces("image/png")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "The receiver's signature of a delivered parcel (PNG)")
    public Response signature(@PathParam("trackingId") String trackingId) {
        Parcel parcel = desk.visible(trackingId);
        byte[] png = story.proof(parcel).flatMap(DeliveryProof::signaturePng)
                .orElseThrow(() -> new NotFound("signature", parcel.trackingId().value()));
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("{trackingId}/proof/photos/{n}")
    @Produces("image/jpeg")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "A photo of a delivered parcel's proof (JPEG), counted from 0")
    public Response photo(@PathParam("trackingId") String trackingId, @PathParam("n") int n) {
        Parcel parcel = desk.visible(trackingId);
        List<Photo> photos = story.proof(parcel).map(story::photos).orElse(List.of());
        if (n < 0 || n >= photos.size()) {
            throw new NotFound("photo", parcel.trackingId().value() + "/" + n);
        }
        return Response.ok(photos.get(n).jpeg(), "image/jpeg").header("Cache-Control", "private, no-store").build();
    }

    /** An ISO date, or null when none was given; a malformed one is a violation of that field. */
    private static LocalDate day(Violations violations, String field, String text) {
        return text == null || text.isBlank() ? null : violations.attempt(field, () -> LocalDate.parse(text));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
