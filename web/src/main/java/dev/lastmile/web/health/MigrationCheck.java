package dev.lastmile.web.health;

import dev.lastmile.model.event.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this instance has brought the schema to the latest migration (SchemaMigration says so). */
@Readiness
@ApplicationScoped
public class MigrationCheck implements HealthCheck {

    private volatile String version;

    void migrated(@Observes SchemaReady ready) {
        version = ready.version();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("migrations").status(version != null)
                .withData("version", version == null ? "pending" : version).build();
    }
}
