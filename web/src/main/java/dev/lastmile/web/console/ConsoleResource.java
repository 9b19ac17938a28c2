package dev.lastmile.web.console;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the back-office console needs to know about this installation. An EJB, so that its roles are enforced. */
@Stateless
@Path("console/settings")
@Tag(name = "Console")
public class ConsoleResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "The console's map settings", description = "tileUrl is null unless lastmile.console.tile-url"
            + " names the carrier's tile server.")
    public ConsoleSettings settings() {
        return ConsoleSettings.fromConfig();
    }
}
