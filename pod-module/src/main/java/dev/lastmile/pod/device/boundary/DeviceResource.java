package dev.lastmile.pod.device.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.pod.device.control.Devices;
import dev.lastmile.reports.label.QrCodes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Depot staff hand out, replace and withdraw the handheld tokens of their own depot's drivers;
 * a handheld renews its own token before it expires.
 */
@Stateless
@Path("handheld/devices")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    public record DeviceRequest(Long driverId, String label) {
    }

    public record DeviceView(long deviceId, long driverId, String driver, String label, String token, String expiresAt) {

        static DeviceView of(Devices.Issued issued) {
            return new DeviceView(issued.device().id(), issued.device().driver().id(), issued.device().driver().name(),
                    issued.device().label(), issued.token(), issued.device().expiresAt().toString());
        }

        /** For a web app whose token travels as the cookie: the answer carries none. */
        DeviceView withoutToken() {
            return new DeviceView(deviceId, driverId, driver, label, null, expiresAt);
        }
    }

    /**
     * A one-time pairing code for the driver's web app: typed on the device, or scanned from {@code qrPng}, whose
     * content is {@code link} (the app's address with the code), so a phone's camera opens the app paired.
     */
    public record PairingView(long deviceId, long driverId, String driver, String label, String code, String expiresAt,
                              String link, String qrPng) {
    }

    /** A handheld as staff list it: never its token. */
    public record DeviceLine(long deviceId, long driverId, String driver, String label, String expiresAt, boolean active) {
    }

    @Inject
    Devices devices;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "The handhelds of your depot's drivers", description = "Without tokens; active is false once"
            + " revoked or expired.")
    public List<DeviceLine> list(@QueryParam("depot") String depot) {
        new Violations().require("depot", depot).throwIfAny();
        Instant now = Instant.now();
        return devices.ofDepot(depot).stream().map(d -> new DeviceLine(d.id(), d.driver().id(), d.driver().name(),
                d.label(), d.expiresAt().toString(), !d.revoked() && d.expiresAt().isAfter(now))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "Issue a handheld token to a driver of your depot", description = "The token is returned this"
            + " once only and expires after lastmile.handheld.token-lifetime (30 days by default).")
    public Response issue(DeviceRequest request, @Context UriInfo uri) {
        Violations.body(request);
        DeviceView device = DeviceView.of(devices.issue(request.driverId(), request.label()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(device.deviceId())).build())
                .entity(device).build();
    }

    @POST
    @Path("{id}/token")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "Replace a handheld's token", description = "The old token stops working at once.")
    public DeviceView rotate(@PathParam("id") long id) {
        return DeviceView.of(devices.rotate(id));
    }

    @POST
    @Path("{id}/pairing")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "A one-time pairing code for a handheld", description = "The driver's app exchanges it for the"
            + " device's token at POST /api/handheld/pairing. Valid for lastmile.handheld.pairing-lifetime (15 minutes);"
            + " a new code replaces an earlier one. Shown this once, with a QR code of the app's pairing link.")
    public Response offerPairing(@PathParam("id") long id, @Context UriInfo uri) {
        Devices.Pairing pairing = devices.offerPairing(id);
        String link = uri.getBaseUri().resolve("../driver/#pair=" + pairing.code()).toString();
        String qr = java.util.Base64.getEncoder().encodeToString(QrCodes.png(link, 144));
        return Response.status(201).entity(new PairingView(pairing.device().id(), pairing.device().driver().id(),
                pairing.device().driver().name(), pairing.device().label(), pairing.code(),
                pairing.expiresAt().toString(), link, qr)).build();
    }

    @POST
    @Path("me/token")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The handheld renews its own token", description = "Send the current token; the answer holds"
            + " the new one, and the current one stops working. A web app that holds its token in the handheld cookie"
            + " gets the new one as that cookie, not in the answer.")
    public Response rotateOwn(@Context HttpHeaders headers, @Context UriInfo uri) {
        Devices.Issued issued = devices.rotateOwn();
        if (DeviceCookie.sentBy(headers)) {
            return Response.ok(DeviceView.of(issued).withoutToken())
                    .cookie(DeviceCookie.holding(issued.token(), issued.device().expiresAt(), uri)).build();
        }
        return Response.ok(DeviceView.of(issued)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "Revoke a handheld's token (lost or replaced device)")
    public Response revoke(@PathParam("id") long id) {
        devices.revoke(id);
        return Response.noContent().build();
    }
}
