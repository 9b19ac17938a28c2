package dev.lastmile.returns.opening.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.returns.ParcelReturn;
import dev.lastmile.returns.opening.control.ReturnDesk;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Returns of delivered parcels. */
@Stateless
@Path("returns")
@Tag(name = "Returns", description = "Returns of delivered parcels")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnResource {

    @Inject
    ReturnDesk desk;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER_SERVICE, Roles.SHIPPER})
    @Operation(summary = "Open a return", description = "The parcel must be delivered; the return gets its own tracking id.")
    public Response open(ReturnRequest request, @Context UriInfo uri) {
        ParcelReturn opened = desk.open(request);
        return Response.created(uri.getAbsolutePathBuilder().path(opened.trackingId().value()).build())
                .entity(ReturnView.of(opened)).build();
    }

    @GET
    @Path("{returnTrackingId}")
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER_SERVICE, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.SHIPPER})
    @Operation(summary = "Read a return by its tracking id")
    public ReturnView read(@PathParam("returnTrackingId") String returnTrackingId) {
        return ReturnView.of(desk.byTrackingId(returnTrackingId));
    }
}
