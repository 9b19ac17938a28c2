package dev.lastmile.orders.shipper.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.shipper.ShipperApiKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import java.util.List;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.orders.shipper.control.ShipperAccounts;
import dev.lastmile.orders.shipper.control.ShipperKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administrators open shipper accounts and rotate or revoke their API keys; a shipper registers its
 * webhook and rotates its own keys with a key of its own.
 */
@Stateless
@Path("shippers")
@Tag(name = "Shippers", description = "Shipper accounts, API keys and webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShipperResource {

    @Inject
    ShipperAccounts accounts;

    @Inject
    ShipperKeys keys;

    public record ShipperRequest(String code, String name) {
    }

    public record ShipperCreated(String code, String name, String apiKey) {
    }

    public record WebhookRequest(String url) {
    }

    public record WebhookRegistered(String url, String secret, String signatureHeader) {
    }

    /** {@code apiKey} is there only in the answer that created the key. */
    public record KeyView(long id, String hint, String createdAt, String revokedAt, String apiKey) {

        static KeyView of(ShipperApiKey key, String apiKey) {
            return new KeyView(key.id(), key.keyHint() + "…", key.createdAt().toString(),
                    key.revokedAt() == null ? null : key.revokedAt().toString(), apiKey);
        }
    }

    public record ShipperLine(String code, String name, long activeKeys) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Shipper accounts", description = "With the number of live API keys (never the keys).")
    public List<ShipperLine> list() {
        return accounts.all().stream().map(row -> new ShipperLine(((Shipper) row[0]).code(), ((Shipper) row[0]).name(),
                ((Number) row[1]).longValue())).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open a shipper account", description = "Returns the API key once; only its hash is stored.")
    public Response open(ShipperRequest request, @Context UriInfo uri) {
        Violations.body(request);
        ShipperAccounts.Opened opened = accounts.open(request.code(), request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.shipper().code()).build())
                .entity(new ShipperCreated(opened.shipper().code(), opened.shipper().name(), opened.apiKey())).build();
    }

    @PUT
    @Path("me/webhook")
    @RolesAllowed(Roles.SHIPPER)
    @Operation(summary = "Register the webhook for status changes of your parcels",
            description = "Returns the secret that signs every delivery: header X-Lastmile-Signature is"
                    + " t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>.")
    public WebhookRegistered webhook(@HeaderParam(ShipperKeys.HEADER) String apiKey, WebhookRequest request) {
        Shipper caller = keys.authenticate(apiKey);
        Violations.body(request);
        String secret = accounts.subscribe(caller, request.url());
        return new WebhookRegistered(request.url().trim(), secret, "X-Lastmile-Signature");
    }

    @GET
    @Path("{code}/keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A shipper's API keys (hints only)")
    public List<KeyView> keys(@PathParam("code") String code) {
        return accounts.keys(accounts.byCode(code)).stream().map(k -> KeyView.of(k, null)).toList();
    }

    @POST
    @Path("{code}/keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Issue a second key for a rotation", description = "Both keys work until the old one is"
            + " revoked; at most two are live. The new key is returned this once.")
    public Response rotate(@PathParam("code") String code, @Context UriInfo uri) {
        ShipperAccounts.IssuedKey issued = accounts.rotate(accounts.byCode(code));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.key().id())).build())
                .entity(KeyView.of(issued.key(), issued.apiKey())).build();
    }

    @POST
    @Path("{code}/keys/reset")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "After a leak: revoke every key of the shipper and issue one new key", description = "Also"
            + " ends a key the holder of a leaked key may have issued itself. The new key is returned this once.")
    public Response reset(@PathParam("code") String code, @Context UriInfo uri) {
        ShipperAccounts.IssuedKey issued = accounts.reset(accounts.byCode(code));
        return Response.created(uri.getBaseUriBuilder().path("shippers/{code}/keys/{id}").build(code, issued.key().id()))
                .entity(KeyView.of(issued.key(), issued.apiKey())).build();
    }

    @DELETE
    @Path("{code}/keys/{keyId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke a key", description = "Requests with it answer 401 from now on.")
    public KeyView revoke(@PathParam("code") String code, @PathParam("keyId") long keyId) {
        return KeyView.of(accounts.revoke(accounts.byCode(code), keyId), null);
    }

    @GET
    @Path("me/keys")
    @RolesAllowed(Roles.SHIPPER)
    @Operation(summary = "Your API keys (hints only)")
    public List<KeyView> ownKeys(@HeaderParam(ShipperKeys.HEADER) String apiKey) {
        return accounts.keys(keys.authenticate(apiKey)).stream().map(k -> KeyView.of(k, null)).toList();
    }

    @POST
    @Path("me/keys")
    @RolesAllowed(Roles.SHIPPER)
    @Operation(summary = "Issue your second key for a rotation", description = "Deploy it, then revoke the old one.")
    public Response rotateOwn(@HeaderParam(ShipperKeys.HEADER) String apiKey, @Context UriInfo uri) {
        ShipperAccounts.IssuedKey issued = accounts.rotate(keys.authenticate(apiKey));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.key().id())).build())
                .entity(KeyView.of(issued.key(), issued.apiKey())).build();
    }

    @DELETE
    @Path("me/keys/{keyId}")
    @RolesAllowed(Roles.SHIPPER)
    @Operation(summary = "Revoke one of your keys")
    public KeyView revokeOwn(@HeaderParam(ShipperKeys.HEADER) String apiKey, @PathParam("keyId") long keyId) {
        return KeyView.of(accounts.revoke(keys.authenticate(apiKey), keyId), null);
    }
}
