package dev.lastmile.orders.shipper.boundary;

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

/** Back office opens shipper accounts; a shipper registers its webhook with its own key. */
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

    @POST
    @Operation(summary = "Open a shipper account", description = "Returns the API key once; only its hash is stored.")
    public Response open(ShipperRequest request) {
        Violations.body(request);
        ShipperAccounts.Opened opened = accounts.open(request.code(), request.name());
        return Response.status(201)
                .entity(new ShipperCreated(opened.shipper().code(), opened.shipper().name(), opened.apiKey())).build();
    }

    @PUT
    @Path("me/webhook")
    @Operation(summary = "Register the webhook for status changes of your parcels",
            description = "Returns the secret that signs every delivery: header X-Lastmile-Signature is"
                    + " t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>.")
    public WebhookRegistered webhook(@HeaderParam(ShipperKeys.HEADER) String apiKey, WebhookRequest request) {
        Shipper caller = keys.authenticate(apiKey);
        Violations.body(request);
        String secret = accounts.subscribe(caller, request.url());
        return new WebhookRegistered(request.url().trim(), secret, "X-Lastmile-Signature");
    }
}
