package dev.lastmile.pod.device.boundary;

import dev.lastmile.model.problem.Violations;
import dev.lastmile.pod.device.control.Devices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The back office hands out and withdraws handheld tokens. */
@Stateless
@Path("handheld/devices")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    public record DeviceRequest(Long driverId, String label) {
    }

    public record DeviceView(long deviceId, long driverId, String driver, String label, String token) {
    }

    @Inject
    Devices devices;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a handheld token to a driver", description = "The token is returned this once only.")
    public Response issue(DeviceRequest request) {
        Violations.body(request);
        Devices.Issued issued = devices.issue(request.driverId(), request.label());
        return Response.status(Response.Status.CREATED).entity(new DeviceView(issued.device().id(),
                issued.device().driver().id(), issued.device().driver().name(), issued.device().label(), issued.token())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a handheld's token (lost or replaced device)")
    public Response revoke(@PathParam("id") long id) {
        devices.revoke(id);
        return Response.noContent().build();
    }
}
