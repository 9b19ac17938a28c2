package dev.lastmile.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What the health checks and metrics ask the database: whether it answers, how far the outbox is
 * behind, how many planning jobs are under way. Plain JDBC with a short timeout, so that a probe against a database that hangs answers "down"
 * instead of hanging with it (the driver's read timeout bounds it in any case).
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/lastmile")
    DataSource dataSource;

    /** Messages due and not sent, and how long the oldest of them has waited. */
    public record Backlog(long due, Duration oldest) {
    }

    public Backlog outbox() throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), MIN(next_attempt_at) FROM notification"
                     + " WHERE status = 'PENDING' AND next_attempt_at <= ?")) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            query.setTimestamp(1, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Timestamp oldest = row.getTimestamp(2);
                return new Backlog(row.getLong(1), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now));
            }
        }
    }

    /** Planning jobs queued or running, on any instance. */
    public long planningJobsActive() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM planning_job WHERE status IN ('QUEUED', 'RUNNING')")) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The database answers a trivial query within the timeout. */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1")) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
