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
 * behind, how many planning jobs are under way. Plain JDBC with a short timeout, so that a probe against a
 * database that hangs answers "down" instead of hanging with it (the driver's read timeout bounds it anyway).
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
        return query("SELECT COUNT(*), MIN(next_attempt_at) FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?",
                row -> {
                    Timestamp oldest = row.getTimestamp(2);
                    return new Backlog(row.getLong(1), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now));
                }, Timestamp.from(now));
    }

    /** Planning jobs queued or running, on any instance. */
    public long planningJobsActive() throws SQLException {
        return query("SELECT COUNT(*) FROM planning_job WHERE status IN ('QUEUED', 'RUNNING')", row -> row.getLong(1));
    }

    /** The database answers a trivial query within the timeout. */
    public boolean answers() {
        try {
            return query("SELECT 1", row -> true);
        } catch (SQLException e) {
            return false;
        }
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** One row of one query, with the probe's timeout. */
    private <T> T query(String sql, Row<T> reader, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return reader.read(row);
            }
        }
    }
}
