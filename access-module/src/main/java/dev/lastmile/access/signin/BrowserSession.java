package dev.lastmile.access.signin;

import dev.lastmile.model.access.Credential;
import dev.lastmile.model.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * A browser's sign-in, kept in the HTTP session: the caller, the account's token epoch (so revoking
 * ends the session too) and the CSRF token that every state-changing call from the browser must echo.
 */
public final class BrowserSession {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CALLER = "dev.lastmile.session.caller";
    private static final String EPOCH = "dev.lastmile.session.epoch";
    private static final String CSRF = "dev.lastmile.session.csrf";

    private BrowserSession() {
    }

    public record Signed(Caller caller, int epoch, String csrfToken) {
    }

    /** A new session id on every sign-in, so a session id planted before sign-in is worth nothing after. */
    public static String establish(HttpServletRequest request, Caller caller, int epoch) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        HttpSession session = request.getSession(true);
        String csrf = Credential.newSecret(24);
        session.setAttribute(CALLER, caller);
        session.setAttribute(EPOCH, epoch);
        session.setAttribute(CSRF, csrf);
        return csrf;
    }

    public static Optional<Signed> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(CALLER) instanceof Caller caller)) {
            return Optional.empty();
        }
        return Optional.of(new Signed(caller, (Integer) session.getAttribute(EPOCH), (String) session.getAttribute(CSRF)));
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
