package dev.lastmile.pod.device.boundary;

import dev.lastmile.model.problem.Violations;
import dev.lastmile.pod.device.control.Devices;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The handheld's side of pairing: the one-time code staff issued is exchanged for the device's token. The only
 * handheld operation without a token; the code is the credential, used up at once.
 */
@Stateless
@Path("handheld/pairing")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

    /** {@code cookie}: true for a web app, which then gets its token as an HttpOnly cookie, not in the answer. */
    public record PairingRequest(String code, Boolean cookie) {
    }

    public record Paired(long deviceId, long driverId, String driver, String depot, String label, String token,
                         String expiresAt) {
    }

    @Inject
    Devices devices;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a pairing code for the handheld's token", description = "An unknown, used or expired"
            + " code answers 401. The token replaces the device's earlier one. With cookie: true the token comes as"
            + " the HttpOnly cookie lastmile_handheld (path /api/handheld), and the answer holds no token.")
    public Response pair(PairingRequest request, @Context UriInfo uri) {
        Violations.body(request);
        Devices.Issued issued = devices.pair(request.code());
        boolean asCookie = Boolean.TRUE.equals(request.cookie());
        var device = issued.device();
        Paired paired = new Paired(device.id(), device.driver().id(), device.driver().name(),
                device.driver().depot() == null ? null : device.driver().depot().code(), device.label(),
                asCookie ? null : issued.token(), device.expiresAt().toString());
        Response.ResponseBuilder answer = Response.ok(paired);
        return asCookie ? answer.cookie(DeviceCookie.holding(issued.token(), device.expiresAt(), uri)).build() : answer.build();
    }
}
