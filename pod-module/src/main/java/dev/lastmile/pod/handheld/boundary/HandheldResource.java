package dev.lastmile.pod.handheld.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.pod.closing.control.DayClose;
import dev.lastmile.pod.closing.control.Reconciliation;
import dev.lastmile.pod.device.control.Devices;
import dev.lastmile.pod.handheld.boundary.HandheldViews.DepartureView;
import dev.lastmile.pod.handheld.control.Dispatch;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A driver starts and closes their route from the handheld. */
@Stateless
@Path("handheld/routes/{routeId}")
@Tag(name = "Handheld", description = "Driver handheld API (Authorization: Bearer <device token>)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DRIVER)
public class HandheldResource {

    public record CloseRequest(List<String> scannedBack) {
    }

    @Inject
    Devices devices;

    @Inject
    Dispatch dispatch;

    @Inject
    DayClose dayClose;

    @POST
    @Path("departure")
    @Operation(summary = "The route leaves the depot", description = "Every parcel still planned on it goes out for delivery.")
    public DepartureView depart(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("routeId") long routeId) {
        HandheldDevice device = devices.authenticate(authorization);
        return new DepartureView(routeId, dispatch.depart(device, routeId));
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Day close", description = "Scans back the undelivered parcels, reconciles and closes the route;"
            + " a parcel neither delivered nor scanned back is missing and raises an exception for staff.")
    public Reconciliation close(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @PathParam("routeId") long routeId, CloseRequest request) {
        HandheldDevice device = devices.authenticate(authorization);
        return dayClose.close(device, routeId, request == null ? List.of() : request.scannedBack());
    }
}
