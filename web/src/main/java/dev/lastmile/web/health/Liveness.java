package dev.lastmile.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The application is deployed and its container answers. Deliberately nothing more: a database outage
 * makes the instance unready, not dead, so an orchestrator does not restart every instance at once.
 */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("lastmile");
    }
}
