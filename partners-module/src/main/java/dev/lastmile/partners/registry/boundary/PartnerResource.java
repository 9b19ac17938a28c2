package dev.lastmile.partners.registry.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.registry.control.PartnerRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators put partner 3PLs on record and look after their credentials. */
@Stateless
@Path("partners")
@Tag(name = "Partners", description = "Partner 3PLs: on record, offers, handoffs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PartnerResource {

    @Inject
    PartnerRegistry registry;

    public record PartnerRequest(String code, String name, String contactEmail) {
    }

    /** {@code clientSecret} only in the answer that created it. */
    public record PartnerView(String code, String name, String contactEmail, boolean active, String createdAt,
                              String clientSecret) {

        static PartnerView of(Partner p, String secret) {
            return new PartnerView(p.code(), p.name(), p.contactEmail(), p.active(), p.createdAt().toString(), secret);
        }
    }

    @POST
    @Operation(summary = "Put a partner on record", description = "Returns its client secret once: the partner signs"
            + " in with its code as client_id (POST /api/auth/token, grant_type=client_credentials) or with HTTP Basic on SOAP.")
    public Response register(PartnerRequest request, @Context UriInfo uri) {
        Violations.body(request);
        PartnerRegistry.Registered registered = registry.register(request.code(), request.name(), request.contactEmail());
        return Response.created(uri.getAbsolutePathBuilder().path(registered.partner().code()).build()).entity(PartnerView.of(registered.partner(), registered.clientSecret())).build();
    }

    @GET
    @Operation(summary = "Partners on record")
    public List<PartnerView> all() {
        return registry.all().stream().map(p -> PartnerView.of(p, null)).toList();
    }

    @POST
    @Path("{code}/secret")
    @Operation(summary = "Replace the partner's client secret", description = "The old secret and its tokens stop at once.")
    public PartnerView replaceSecret(@PathParam("code") String code) {
        PartnerRegistry.Registered registered = registry.replaceSecret(code);
        return PartnerView.of(registered.partner(), registered.clientSecret());
    }

    @POST
    @Path("{code}/deactivation")
    @Operation(summary = "Deactivate the partner", description = "It can no longer sign in or accept parcels.")
    public PartnerView deactivate(@PathParam("code") String code) {
        return PartnerView.of(registry.deactivate(code), null);
    }
}
