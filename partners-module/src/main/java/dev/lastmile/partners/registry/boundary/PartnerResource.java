package dev.lastmile.partners.registry.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.PartnerTerms;
import dev.lastmile.model.partner.RateCard;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.partners.registry.control.PartnerRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
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

    /** The terms as allocation reads them. */
    public record TermsView(List<String> countries, List<String> postcodePrefixes, List<String> services,
                            int dailyCapacity, int slaDays, BigDecimal pricePerParcel, String weightBands,
                            BigDecimal sameDaySurcharge, BigDecimal weekendSurcharge, String currency) {

        static TermsView of(PartnerTerms t) {
            RateCard rates = t.rates();
            return new TermsView(List.copyOf(t.countries()), t.postcodePrefixes(), t.services().stream().map(Enum::name).toList(),
                    t.dailyCapacity(), t.slaDays(), rates.perParcel(), RateCard.format(rates.bands()),
                    rates.sameDaySurcharge(), rates.weekendSurcharge(), t.currency());
        }
    }

    /** {@code clientSecret} only in the answer that created it; the callback's secret is never shown here. */
    public record PartnerView(String code, String name, String contactEmail, boolean active, String createdAt,
                              String clientSecret, TermsView terms, String callbackKind, String callbackUrl) {

        static PartnerView of(Partner p, String secret) {
            return new PartnerView(p.code(), p.name(), p.contactEmail(), p.active(), p.createdAt().toString(), secret,
                    TermsView.of(p.terms()), p.callbackKind().name(), p.callbackUrl().orElse(null));
        }
    }

    public record CallbackRequest(String kind, String url) {
    }

    /** The secret that signs the callbacks, shown this once: give it to the partner. */
    public record CallbackView(String kind, String url, String signingSecret) {
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

    @PUT
    @Path("{code}/terms")
    @Operation(summary = "Set the partner's terms", description = "Coverage (countries, postcode prefixes), services"
            + " (NEXT_DAY, SAME_DAY, WEEKEND), daily capacity, SLA in days, rate card (price per parcel, weight bands"
            + " written upToKg=surcharge;..., same-day and weekend surcharges, currency). Allocation uses them from"
            + " the next parcel on.")
    public PartnerView agree(@PathParam("code") String code, PartnerRegistry.TermsRequest request) {
        Violations.body(request);
        return PartnerView.of(registry.agree(code, request), null);
    }

    @PUT
    @Path("{code}/callback")
    @Operation(summary = "Where the partner hears of recalls and redirections", description = "kind WEBHOOK (signed"
            + " JSON), SOAP (the PartnerCallback contract) or NONE. Returns a new signing secret, once.")
    public CallbackView callback(@PathParam("code") String code, CallbackRequest request) {
        Violations.body(request);
        String secret = registry.callBackAt(code, request.kind(), request.url());
        Partner partner = registry.byCode(code);
        return new CallbackView(partner.callbackKind().name(), partner.callbackUrl().orElse(null), secret);
    }

    @POST
    @Path("{code}/deactivation")
    @Operation(summary = "Deactivate the partner", description = "It can no longer sign in or accept parcels.")
    public PartnerView deactivate(@PathParam("code") String code) {
        return PartnerView.of(registry.deactivate(code), null);
    }
}
