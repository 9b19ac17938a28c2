package dev.lastmile.web.problem;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.Forbidden;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.NotAuthenticated;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.PayloadTooLarge;
import dev.lastmile.model.problem.TooManyRequests;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure of a REST call into a problem document, so clients parse one error shape. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrapped(thrown);
        Problem problem;
        if (cause instanceof DomainException domain) {
            problem = problem(domain.type(), domain.title(), statusOf(domain), domain.detail(),
                    domain instanceof InvalidRequest invalid ? invalid.errors() : List.of());
        } else if (deniedByContainer(thrown)) {
            problem = denied();
        } else if (isMalformedJson(thrown)) {
            problem = problem("malformed-json", "Malformed JSON", 400,
                    "The request body is not valid JSON for this resource.", List.of());
        } else if (DatabaseOutage.causes(thrown)) {
            LOG.log(Level.WARNING, "database unavailable: " + DatabaseOutage.summary(thrown));
            problem = problem("service-unavailable", "Service unavailable", 503, DatabaseOutage.DETAIL, List.of());
        } else if (rolledBackByTheDatabase(thrown)) {
            // A deadlock or a lock wait that timed out: the database undid the whole transaction, so trying again is safe.
            LOG.log(Level.WARNING, "transaction rolled back by the database: " + DatabaseOutage.summary(thrown));
            problem = problem("try-again", "Try again", 503,
                    "Another change got in the way and this request changed nothing; send it again.", List.of());
        } else if (cause instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            problem = problem("http-" + status.getStatusCode(), status.getReasonPhrase(), status.getStatusCode(),
                    web.getMessage(), List.of());
        } else {
            LOG.log(Level.SEVERE, "unexpected failure", thrown);
            problem = problem("internal-error", "Internal error", 500,
                    "Something went wrong on our side; the request changed nothing.", List.of());
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"lastmile\"");
        }
        if (cause instanceof TooManyRequests throttled) {
            response.header("Retry-After", throttled.retryAfterSeconds());
        } else if (problem.status() == 503) {
            response.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static boolean rolledBackByTheDatabase(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransactionRollbackException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The container refused the call by its declared roles: 401 when nobody signed in, 403 when the
     * caller's roles do not fit. Neither says more than that.
     */
    private Problem denied() {
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        return anonymous
                ? problem("not-authenticated", "Not authenticated", 401, "Sign in first: send a bearer token"
                        + " (POST /api/auth/token), a shipper API key (X-Api-Key) or a handheld token.", List.of())
                : problem("forbidden", "Forbidden", 403, "Your role does not allow this operation.", List.of());
    }

    /** The EJB container's refusal, as thrown or as Jersey's EJB integration turns it into 401/403. */
    private static boolean deniedByContainer(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof NotAuthorizedException || t instanceof ForbiddenException) {
                return true;
            }
        }
        return false;
    }

    private Problem problem(String type, String title, int status, String detail, List<FieldError> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getPath();
        return new Problem(Problem.TYPE_BASE + type, title, status, detail, instance, errors);
    }

    private static int statusOf(DomainException domain) {
        if (domain instanceof InvalidRequest) {
            return 400;
        }
        if (domain instanceof NotAuthenticated) {
            return 401;
        }
        if (domain instanceof Forbidden) {
            return 403;
        }
        if (domain instanceof TooManyRequests) {
            return 429;
        }
        if (domain instanceof PayloadTooLarge) {
            return 413;
        }
        return domain instanceof NotFound ? 404 : 409;
    }

    /** The domain exception behind EJB or JAX-RS wrapping, if any; otherwise what was thrown. */
    private static Throwable unwrapped(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException) {
                return t;
            }
        }
        return thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    private static boolean isMalformedJson(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }
}
