package dev.lastmile.access.signin.boundary;

import jakarta.ws.rs.core.MultivaluedMap;
import dev.lastmile.access.accounts.StaffAccounts;
import dev.lastmile.access.signin.BrowserSession;
import dev.lastmile.access.signin.SignIn;
import dev.lastmile.access.token.Tokens;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.Violations;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in: bearer tokens for API clients (OAuth 2.0 token endpoint shape, RFC 6749 password and
 * client-credentials grants) and a session for browsers.
 */
@Stateless
@Path("auth")
@Tag(name = "Access")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    @Inject
    SignIn signIn;

    @Inject
    Tokens tokens;

    @Inject
    CurrentCaller current;

    @Inject
    StaffAccounts accounts;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    public record SessionRequest(String username, String password) {
    }

    public record Me(String kind, String name, List<String> roles, List<String> depots, boolean allDepots, String csrfToken) {

        static Me of(Caller caller, String csrfToken) {
            return new Me(caller.kind().name(), caller.name(), caller.roles().stream().map(Enum::name).sorted().toList(),
                    caller.depots().stream().sorted().toList(), caller.allDepots(), csrfToken);
        }
    }

    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Get a bearer token", description = "grant_type=password with username and password (staff),"
            + " or grant_type=client_credentials with client_id (the partner code) and client_secret (partners)."
            + " Send it as Authorization: Bearer <access_token>. Wrong credentials: 401 with one generic message;"
            + " repeated failures lock the account (an administrator unlocks it) and slow the address down (429).")
    public Response token(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
        // The form as an entity, not @FormParam: a body of another type then answers 415 instead of failing inside Jersey.
        String grantType = form == null ? null : form.getFirst("grant_type");
        SignIn.SignedIn signedIn;
        if ("password".equals(grantType)) {
            signedIn = signIn.staff(form.getFirst("username"), form.getFirst("password"), request.getRemoteAddr());
        } else if ("client_credentials".equals(grantType)) {
            signedIn = signIn.partner(form.getFirst("client_id"), form.getFirst("client_secret"), request.getRemoteAddr());
        } else {
            throw new InvalidRequest("grant_type", "must be password or client_credentials");
        }
        Tokens.Issued issued = tokens.issue(signedIn.caller(), signedIn.epoch());
        return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("session")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a browser in", description = "Sets the session cookie (HttpOnly, SameSite=Lax) and"
            + " returns the CSRF token that every POST, PUT and DELETE of this browser must send as X-CSRF-Token.")
    public Me session(SessionRequest body, @Context HttpServletRequest request) {
        Violations.body(body);
        SignIn.SignedIn signedIn = signIn.staff(body.username(), body.password(), request.getRemoteAddr());
        String csrf = BrowserSession.establish(request, signedIn.caller(), signedIn.epoch());
        return Me.of(signedIn.caller(), csrf);
    }

    @DELETE
    @Path("session")
    @PermitAll
    @Operation(summary = "Sign the browser out")
    public Response signOut(@Context HttpServletRequest request) {
        BrowserSession.end(request);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER,
        Roles.PARTNER, Roles.SHIPPER, Roles.DRIVER})
    @Operation(summary = "Who the credential belongs to: roles and depots")
    public Me me(@Context HttpServletRequest request) {
        return Me.of(current.get(), BrowserSession.of(request).map(BrowserSession.Signed::csrfToken).orElse(null));
    }

    @POST
    @Path("revocation")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER, Roles.PARTNER})
    @Operation(summary = "End every token and session of your account", description = "For a token that may have leaked.")
    public Response revokeMine(@Context HttpServletRequest request) {
        Caller caller = current.get();
        if (caller.kind() == CallerKind.STAFF) {
            accounts.revokeTokens(caller.accountId());
        } else {
            em.find(Partner.class, caller.accountId()).revokeTokens();
        }
        BrowserSession.end(request);
        return Response.noContent().build();
    }
}
