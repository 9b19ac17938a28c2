package dev.lastmile.web.problem;

import jakarta.resource.ResourceException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being away (stopped, restarting, hanging past the pool's
 * timeouts) from a fault of the application: the first is a 503 the client may retry, the second a 500.
 */
public final class DatabaseOutage {

    static final int RETRY_AFTER_SECONDS = 5;
    static final String DETAIL = "The database is not answering. Try again in a few seconds: requests that carry"
            + " event ids or an idempotency key are safe to repeat.";

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    /** The 503 for a request refused before any resource (the sign-in check found the database away). */
    public static void write(HttpServletResponse response, String instance) throws IOException {
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        ErrorPage.write(response, 503, "service-unavailable", "Service unavailable", DETAIL, instance);
    }

    /** The innermost message, for the log: enough to see which outage without a stack per request. */
    public static String summary(Throwable thrown) {
        Throwable innermost = thrown;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }
}
