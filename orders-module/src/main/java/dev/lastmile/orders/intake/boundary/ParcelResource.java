package dev.lastmile.orders.intake.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.intake.IntakeUpload;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.orders.intake.control.Cancellations;
import dev.lastmile.orders.intake.control.CsvIntake;
import dev.lastmile.orders.intake.control.IntakeOutcome;
import dev.lastmile.orders.intake.control.Labels;
import dev.lastmile.orders.intake.control.ParcelIntake;
import dev.lastmile.orders.shipper.control.ShipperKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shippers register parcels here, one or in bulk, and read their own back. Every call carries the
 * shipper's API key; another shipper's parcel is 404, exactly like one that does not exist.
 */
@Stateless
@Path("parcels")
@Tag(name = "Parcels", description = "Shippers hand parcels over for delivery")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SHIPPER)
public class ParcelResource {

    @Inject
    ParcelIntake intake;

    @Inject
    ShipperKeys keys;

    @Inject
    Labels labels;

    @Inject
    CsvIntake csv;

    @Inject
    Cancellations cancellations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a parcel", description = "201 with the parcel and its tracking id; the same"
            + " shipperReference again answers 200 with the parcel created the first time. 400 names every invalid field.")
    public Response register(@HeaderParam(ShipperKeys.HEADER) String apiKey, ParcelRequest request, @Context UriInfo uri) {
        Shipper shipper = keys.authenticate(apiKey);
        IntakeOutcome outcome = intake.register(shipper, request, LocalDate.now());
        ParcelView view = ParcelView.of(outcome.parcel());
        if (outcome.existing()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.trackingId()).build()).entity(view).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register up to 10,000 parcels", description = "Each row is checked on its own: the report"
            + " says per row CREATED, EXISTING (same shipperReference seen before) or REJECTED with the reasons."
            + " Rejected rows change nothing; the others are kept.")
    public IntakeReport registerBatch(@HeaderParam(ShipperKeys.HEADER) String apiKey, List<ParcelRequest> requests) {
        Shipper shipper = keys.authenticate(apiKey);
        Violations.body(requests);
        return IntakeReport.of(null, intake.registerAll(shipper, requests, LocalDate.now()));
    }

    public record UploadSummary(long uploadId, int rows, int created, int existing, int rejected, String report) {
    }

    @POST
    @Path("csv")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload parcels as CSV (UTF-8, header row, at most 10,000 rows)", description = "Columns"
            + " by name: shipper_reference, recipient_name, recipient_email, recipient_phone, recipient_language,"
            + " address_line, town, postcode, country, latitude, longitude, weight_kg, volume_litres, delivery_date,"
            + " slot_from, slot_to, declared_value, instructions, safe_place, neighbour, locker, contactless. Good rows"
            + " are registered; the answer counts them and links the row-by-row report (CSV). A file that cannot be"
            + " read at all (encoding, header, quotes) is 400 and changes nothing; over 8 MB is 413.")
    public Response uploadCsv(@HeaderParam(ShipperKeys.HEADER) String apiKey, InputStream body,
                              @Context UriInfo uri) {
        Shipper shipper = keys.authenticate(apiKey);
        IntakeUpload upload = csv.upload(shipper, body, LocalDate.now());
        URI report = uri.getBaseUriBuilder().path("parcels/uploads/{id}/report").build(upload.id());
        return Response.status(201).location(report).entity(new UploadSummary(upload.id(), upload.rowsTotal(),
                upload.created(), upload.existing(), upload.rejected(), report.toString())).build();
    }

    @GET
    @Path("uploads/{id}/report")
    @Produces("text/csv")
    @Operation(summary = "The row-by-row report of a CSV upload", description = "Columns line, shipper_reference,"
            + " outcome (CREATED, EXISTING, REJECTED), tracking_id, field, message.")
    public Response uploadReport(@HeaderParam(ShipperKeys.HEADER) String apiKey, @PathParam("id") long id) {
        IntakeUpload upload = csv.reportOf(keys.authenticate(apiKey), id);
        return Response.ok(upload.report(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"upload-" + id + "-report.csv\"").build();
    }

    @GET
    @Path("{trackingId}/label")
    @Produces("application/pdf")
    @Operation(summary = "The parcel's 4x6 inch label (PDF)", description = "Code 128 and QR code of the tracking id,"
            + " sender, recipient, and the sort code once the parcel is planned.")
    public Response label(@HeaderParam(ShipperKeys.HEADER) String apiKey, @PathParam("trackingId") String trackingId) {
        Parcel parcel = keys.parcelOf(keys.authenticate(apiKey), trackingId);
        return pdf(labels.print(List.of(parcel)), "label-" + parcel.trackingId().value());
    }

    @POST
    @Path("labels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @Operation(summary = "Labels for many parcels, one 4x6 page each (PDF)", description = "Body: a JSON array of"
            + " tracking ids, at most 500.")
    public Response labels(@HeaderParam(ShipperKeys.HEADER) String apiKey, List<String> trackingIds) {
        Shipper shipper = keys.authenticate(apiKey);
        Violations.body(trackingIds);
        if (trackingIds.isEmpty() || trackingIds.size() > 500) {
            throw new InvalidRequest("trackingIds", "give 1 to 500 tracking ids");
        }
        List<Parcel> parcels = trackingIds.stream().map(id -> keys.parcelOf(shipper, id)).toList();
        return pdf(labels.print(parcels), "labels");
    }

    private static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
                .build();
    }

    @POST
    @Path("{trackingId}/cancellation")
    @Operation(summary = "Cancel one of your parcels", description = "Until it is on a published route (409 after);"
            + " a partner 3PL offered it or carrying it is told and brings it back. The timeline and your webhook say"
            + " CANCELLED.")
    public ParcelView cancel(@HeaderParam(ShipperKeys.HEADER) String apiKey, @PathParam("trackingId") String trackingId) {
        return ParcelView.of(cancellations.cancel(keys.parcelOf(keys.authenticate(apiKey), trackingId)));
    }

    @GET
    @Path("{trackingId}")
    @Operation(summary = "Read one of your parcels by its tracking id")
    public ParcelView read(@HeaderParam(ShipperKeys.HEADER) String apiKey, @PathParam("trackingId") String trackingId) {
        return ParcelView.of(keys.parcelOf(keys.authenticate(apiKey), trackingId));
    }
}
