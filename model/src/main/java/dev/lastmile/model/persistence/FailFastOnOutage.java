package dev.lastmile.model.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * When the database is away, a request fails once and quickly (a 503 the client can retry) rather than
 * slowly: by default EclipseLink re-runs a read that hit a communication failure up to three times and
 * pings the connection after each, every try waiting out the driver's read timeout against a database that
 * hangs. The connection pool already drops broken connections; the retry belongs to the client.
 */
public class FailFastOnOutage implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}
