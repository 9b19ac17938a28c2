package dev.lastmile.model.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller of the current request, put there by the web module's authentication mechanism. Modules
 * inject this instead of reading headers themselves.
 */
@RequestScoped
public class CurrentCaller {

    /** The request attribute under which the authentication mechanism leaves the {@link Caller}. */
    public static final String ATTRIBUTE = "dev.lastmile.caller";

    @Inject
    HttpServletRequest request;

    private Caller override;

    public Caller get() {
        if (override != null) {
            return override;
        }
        try {
            Object caller = request.getAttribute(ATTRIBUTE);
            return caller instanceof Caller known ? known : Caller.ANONYMOUS;
        } catch (RuntimeException outsideAWebRequest) {
            return Caller.ANONYMOUS;
        }
    }

    /** For calls that authenticate inside the message (SOAP): the rest of the request acts as this caller. */
    public void actAs(Caller caller) {
        this.override = caller;
    }

    public String clientAddress() {
        try {
            return request.getRemoteAddr();
        } catch (RuntimeException outsideAWebRequest) {
            return "";
        }
    }
}
