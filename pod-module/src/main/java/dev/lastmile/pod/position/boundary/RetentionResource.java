package dev.lastmile.pod.position.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.pod.position.control.PositionRetention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The nightly deletion of expired positions, on demand: after lowering the retention period, or for an audit. */
@Stateless
@Path("live/position-retention")
@Tag(name = "Live")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {

    @Inject
    PositionRetention retention;

    @POST
    @Operation(summary = "Delete expired positions now", description = "Deletes van positions and track points older than"
            + " lastmile.live.position-retention (default 30 days), as the nightly job does; answers what it deleted.")
    public PositionRetention.Deleted run() {
        return retention.deleteExpired();
    }
}
