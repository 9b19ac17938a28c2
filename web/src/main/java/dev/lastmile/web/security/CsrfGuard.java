package dev.lastmile.web.security;

import dev.lastmile.access.signin.BrowserSession;
import dev.lastmile.web.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * A browser signed in by session cookie must echo its CSRF token on every call that changes state,
 * so another site cannot make the browser act for its user. Tokens and API keys are not sent by
 * browsers on their own, so calls that carry them need no such proof.
 */
@Provider
public class CsrfGuard implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest request;

    /**
     * The driver's web app sends this header with every change. A page of another site cannot add it without a
     * CORS preflight, which this site never grants; SameSite=Strict on the cookie is the first line.
     */
    public static final String HANDHELD_HEADER = "X-Lastmile-Handheld";

    @Override
    public void filter(ContainerRequestContext context) {
        if (!SAFE.contains(context.getMethod())
                && CallerAuthentication.VIA_DEVICE_COOKIE.equals(request.getAttribute(CallerAuthentication.VIA))) {
            if (context.getHeaderString(HANDHELD_HEADER) == null) {
                context.abortWith(Response.status(403).type(Problem.MEDIA_TYPE)
                        .entity(new Problem(Problem.TYPE_BASE + "csrf-token-missing", "Forbidden", 403,
                                "Send " + HANDHELD_HEADER + ": 1 with every change the driver's app makes.",
                                context.getUriInfo().getRequestUri().getPath(), List.of())).build());
            }
            return;
        }
        if (SAFE.contains(context.getMethod()) || context.getUriInfo().getPath().startsWith("auth/session")
                || !CallerAuthentication.VIA_SESSION.equals(request.getAttribute(CallerAuthentication.VIA))) {
            return;
        }
        String expected = BrowserSession.of(request).map(BrowserSession.Signed::csrfToken).orElse("");
        String given = context.getHeaderString(BrowserSession.CSRF_HEADER);
        if (given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            context.abortWith(Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.TYPE_BASE + "csrf-token-missing", "Forbidden", 403,
                            "Send the X-CSRF-Token you got at sign-in with every change made from the browser.",
                            context.getUriInfo().getRequestUri().getPath(), List.of())).build());
        }
    }
}
