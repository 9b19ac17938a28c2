package dev.lastmile.web.metrics;

import dev.lastmile.web.health.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The gauges an operator watches at /metrics: the outbox's backlog and the age of its oldest message,
 * and the planning jobs under way. Each is read from the database when scraped (the whole cluster's
 * figure, not one instance's); -1 while the database does not answer.
 */
@ApplicationScoped
public class OperationsMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    DatabaseProbe database;

    private record BacklogReading(DatabaseProbe.Backlog backlog, Instant at) {
    }

    private volatile BacklogReading lastBacklog;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("lastmile.outbox.due")
                .withDescription("Messages due in the outbox and not sent yet").build(),
                this, metrics -> metrics.read(() -> metrics.backlog().due()));
        registry.gauge(Metadata.builder().withName("lastmile.outbox.oldest").withUnit(MetricUnits.SECONDS)
                .withDescription("How long the oldest due message has waited").build(),
                this, metrics -> metrics.read(() -> metrics.backlog().oldest().toSeconds()));
        registry.gauge(Metadata.builder().withName("lastmile.planning.jobs.active")
                .withDescription("Planning jobs queued or running").build(),
                this, metrics -> metrics.read(database::planningJobsActive));
    }

    /** One scrape reads both outbox gauges: one query for the two, not one each. */
    private DatabaseProbe.Backlog backlog() throws SQLException {
        BacklogReading last = lastBacklog;
        if (last == null || last.at().isBefore(Instant.now().minusSeconds(1))) {
            last = new BacklogReading(database.outbox(), Instant.now());
            lastBacklog = last;
        }
        return last.backlog();
    }

    private interface Gauged {
        long value() throws SQLException;
    }

    private long read(Gauged gauged) {
        try {
            return gauged.value();
        } catch (SQLException e) {
            return -1;
        }
    }
}
