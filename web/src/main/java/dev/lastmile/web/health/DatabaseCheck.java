package dev.lastmile.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: during an outage a load balancer sends requests elsewhere. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(database.answers()).build();
    }
}
