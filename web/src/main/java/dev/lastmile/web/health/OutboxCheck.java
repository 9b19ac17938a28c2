package dev.lastmile.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox keeps up: fewer messages due than the threshold, and none waiting longer than the age
 * threshold. Past either, messages are stuck (the mail server, the SMS gateway or a webhook receiver
 * refuses them) and someone should look.
 */
@Readiness
@ApplicationScoped
public class OutboxCheck implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Inject
    @ConfigProperty(name = "lastmile.health.outbox-backlog", defaultValue = "5000")
    long backlogThreshold;

    @Inject
    @ConfigProperty(name = "lastmile.health.outbox-age", defaultValue = "PT15M")
    Duration ageThreshold;

    @Override
    public HealthCheckResponse call() {
        try {
            DatabaseProbe.Backlog backlog = database.outbox();
            return HealthCheckResponse.named("outbox")
                    .status(backlog.due() < backlogThreshold && backlog.oldest().compareTo(ageThreshold) < 0)
                    .withData("due", backlog.due()).withData("oldestSeconds", backlog.oldest().toSeconds()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", "the database is not answering").build();
        }
    }
}
