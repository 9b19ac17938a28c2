package dev.lastmile.access.signin.boundary;

import dev.lastmile.access.signin.oidc.OidcSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.lastmile.access.accounts.StaffAccounts;
import dev.lastmile.access.audit.AuditTrail;
import dev.lastmile.access.signin.BrowserSession;
import dev.lastmile.access.signin.oidc.OidcIdentity;
import dev.lastmile.access.signin.oidc.OidcSignIn;
import dev.lastmile.access.signin.oidc.OidcSignInFailed;
import dev.lastmile.access.signin.oidc.PendingSignIn;
import dev.lastmile.model.access.Role;
import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.model.problem.Forbidden;
import dev.lastmile.model.problem.NotAuthenticated;
import dev.lastmile.model.problem.NotFound;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in through the carrier's own identity provider (OpenID Connect, authorization code with PKCE).
 * Roles and depots come from the ID token's claims (see docs/security.md); the account is created on
 * first sign-in and kept in step with the claims on every later one.
 */
@Stateless
@Path("auth/oidc")
@Tag(name = "Access")
@PermitAll
public class OidcSignInResource {

    private static final Logger LOG = Logger.getLogger(OidcSignInResource.class.getName());
    private static final String PENDING = "dev.lastmile.session.oidc-pending";
    /** A depots claim holding this gives every depot (managers, administrators). */
    static final String EVERY_DEPOT = "*";

    @Inject
    OidcSignIn oidc;

    @Inject
    OidcSettings settings;

    @Inject
    StaffAccounts accounts;

    @Inject
    AuditTrail audit;

    /** Where the carrier's users reach Lastmile: the redirect URI registered at the provider is made from it. */
    @Inject
    @ConfigProperty(name = "lastmile.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @GET
    @Operation(summary = "Sign in with the carrier's identity provider", description = "Redirects there; it sends the"
            + " browser back to /api/auth/oidc/callback. 404 when no provider is configured (lastmile.oidc.issuer).")
    public Response begin(@Context HttpServletRequest request) {
        if (!oidc.enabled()) {
            throw new NotFound("sign-in method", "oidc");
        }
        URI callback = URI.create(publicUrl.replaceAll("/+$", "") + "/api/auth/oidc/callback");
        PendingSignIn pending = oidc.begin(callback);
        request.getSession(true).setAttribute(PENDING, pending);
        return Response.seeOther(pending.redirect()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("callback")
    @Operation(summary = "Where the identity provider sends the browser back", description = "Checks the answer,"
            + " signs the browser in and redirects to the home page.")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
        OidcIdentity identity;
        try {
            identity = oidc.complete(pending, state, code);
        } catch (OidcSignInFailed failed) {
            LOG.warning(() -> "OpenID Connect sign-in refused: " + failed.getMessage());
            throw new NotAuthenticated("The sign-in with the identity provider did not succeed; start again.");
        }
        Set<Role> roles = staffRoles(identity.roles());
        if (roles.isEmpty()) {
            throw new Forbidden("Your identity provider gives you no Lastmile role (ADMIN, DISPATCHER, DEPOT_STAFF,"
                    + " CUSTOMER_SERVICE or MANAGER).");
        }
        String username = identity.username() == null ? "" : identity.username().trim().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._@-]{1,63}")) {
            throw new Forbidden("Your user name at the identity provider cannot be used here (2 to 64 letters, digits,"
                    + " dots, dashes, @ or underscores); ask an administrator.");
        }
        Set<String> depots = new TreeSet<>(identity.depots());
        boolean everyDepot = depots.remove(EVERY_DEPOT);
        depots.removeIf(depot -> !depot.matches("[A-Z0-9]{2,16}"));
        StaffAccount account = accounts.provisioned(settings.issuer() + " " + identity.subject(), username, roles, depots,
                everyDepot);
        if (!account.maySignIn()) {
            throw new NotAuthenticated("This account is disabled or locked; ask an administrator.");
        }
        BrowserSession.establish(request, account.asCaller(), account.tokenEpoch());
        audit.recordSeparately(account.asCaller(), request.getRemoteAddr(), "sign-in.oidc", "staff-account",
                account.username(), "subject " + identity.subject());
        return Response.seeOther(URI.create(publicUrl.replaceAll("/+$", "") + "/")).build();
    }

    private static Set<Role> staffRoles(Set<String> claimed) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : claimed) {
            try {
                Role role = Role.valueOf(name);
                if (role.isStaff()) {
                    roles.add(role);
                }
            } catch (IllegalArgumentException notOurs) {
                // identity providers carry roles of other applications too
            }
        }
        return roles;
    }
}
