package dev.lastmile.orders.intake.boundary;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.orders.intake.control.ParcelIntake;
import dev.lastmile.orders.intake.control.ParcelRegistration;
import dev.lastmile.orders.tracking.control.Parcels;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shippers register parcels here and read them back by tracking id. */
@Stateless
@Path("parcels")
@Tag(name = "Parcels", description = "Shippers hand parcels over for delivery")
@Produces(MediaType.APPLICATION_JSON)
public class ParcelResource {

    @Inject
    ParcelIntake intake;

    @Inject
    Parcels parcels;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a parcel", description = "Returns the parcel with its tracking id; 400 names every invalid field.")
    public Response register(ParcelRequest request, @Context UriInfo uri) {
        Parcel parcel = intake.register(ParcelRegistration.from(request, LocalDate.now()));
        return Response.created(uri.getAbsolutePathBuilder().path(parcel.trackingId().value()).build())
                .entity(ParcelView.of(parcel)).build();
    }

    @GET
    @Path("{trackingId}")
    @Operation(summary = "Read a parcel by its tracking id")
    public ParcelView read(@PathParam("trackingId") String trackingId) {
        return ParcelView.of(parcels.byTrackingId(trackingId));
    }
}
