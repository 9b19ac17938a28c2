package dev.lastmile.web.health;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For load balancers and the run command: the application is deployed and answering. Says nothing else. */
@RequestScoped
@Path("health")
@Tag(name = "Health")
@PermitAll
public class HealthResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Is the application up")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
