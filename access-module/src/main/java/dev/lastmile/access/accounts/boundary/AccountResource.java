package dev.lastmile.access.accounts.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import dev.lastmile.access.accounts.StaffAccounts;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.model.problem.Violations;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators open staff accounts, give roles and depots, reset passwords and lift lockouts. */
@Stateless
@Path("accounts")
@Tag(name = "Access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountResource {

    @Inject
    StaffAccounts accounts;

    public record AccountRequest(String username, String displayName, List<String> roles, List<String> depots,
                                 Boolean allDepots, String password) {
    }

    public record RolesRequest(List<String> roles, List<String> depots, Boolean allDepots) {
    }

    public record AccountView(String username, String displayName, List<String> roles, List<String> depots,
                              boolean allDepots, String origin, boolean enabled, boolean locked, String createdAt) {

        static AccountView of(StaffAccount a) {
            return new AccountView(a.username(), a.displayName(), a.roles().stream().map(Enum::name).toList(),
                    List.copyOf(a.depots()), a.allDepots(), a.origin().name(), a.enabled(), a.lockedAt() != null,
                    a.createdAt().toString());
        }
    }

    public record Opened(AccountView account, String password) {
    }

    public record PasswordReset(String username, String password) {
    }

    @POST
    @Operation(summary = "Open a staff account", description = "roles: ADMIN, DISPATCHER, DEPOT_STAFF, CUSTOMER_SERVICE,"
            + " MANAGER; depots: the depot codes the person works for, or allDepots. Without a password one is"
            + " generated and returned this once.")
    public Response open(AccountRequest request, @Context UriInfo uri) {
        Violations.body(request);
        StaffAccounts.Opened opened = accounts.open(request.username(), request.displayName(), request.roles(),
                request.depots(), Boolean.TRUE.equals(request.allDepots()), request.password());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.account().username()).build()).entity(new Opened(AccountView.of(opened.account()), opened.password())).build();
    }

    @GET
    @Operation(summary = "All staff accounts")
    public List<AccountView> all() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One staff account")
    public AccountView one(@PathParam("username") String username) {
        return AccountView.of(accounts.existing(username));
    }

    @PUT
    @Path("{username}/roles")
    @Operation(summary = "Change roles and depots", description = "Ends the account's tokens and sessions.")
    public AccountView assign(@PathParam("username") String username, RolesRequest request) {
        Violations.body(request);
        return AccountView.of(accounts.assign(username, request.roles(), request.depots(),
                Boolean.TRUE.equals(request.allDepots())));
    }

    @POST
    @Path("{username}/password-reset")
    @Operation(summary = "Give the account a new generated password", description = "Returned this once; ends its tokens.")
    public PasswordReset resetPassword(@PathParam("username") String username) {
        return new PasswordReset(username, accounts.resetPassword(username));
    }

    @POST
    @Path("{username}/unlock")
    @Operation(summary = "Lift a lockout after repeated wrong passwords")
    public AccountView unlock(@PathParam("username") String username) {
        return AccountView.of(accounts.unlock(username));
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable the account", description = "It can no longer sign in; its tokens end at once.")
    public AccountView disable(@PathParam("username") String username) {
        return AccountView.of(accounts.disable(username));
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable a disabled account")
    public AccountView enable(@PathParam("username") String username) {
        return AccountView.of(accounts.enable(username));
    }
}
