package dev.lastmile.web.security;

import dev.lastmile.access.signin.BrowserSession;
import dev.lastmile.access.signin.Credentials;
import dev.lastmile.access.token.Tokens;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.model.shipper.ShippersByKey;
import dev.lastmile.web.problem.DatabaseOutage;
import dev.lastmile.web.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one authentication mechanism of the application (Jakarta Security). It recognises, in this order:
 * a bearer token we signed (staff, partners), a handheld's device token (also sent as bearer, but opaque),
 * a shipper's API key, a partner's HTTP Basic credentials (SOAP clients), and a browser's session.
 * No credential means anonymous: what may be called anonymously is declared on each operation
 * ({@code @PermitAll}), everything else is refused by the container. A credential that is present but
 * wrong is refused at once with a problem document.
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    /** How the caller proved itself; CSRF protection applies to the session only. */
    public static final String VIA = "dev.lastmile.caller.via";
    public static final String VIA_SESSION = "session";
    /** The driver's web app: its device token in an HttpOnly cookie that only the handheld API receives. */
    public static final String VIA_DEVICE_COOKIE = "device-cookie";

    private static final Jsonb JSON = JsonbBuilder.create();

    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class.getName());

    @Inject
    Credentials credentials;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            Optional<Caller> caller = recognise(request);
            if (caller.isEmpty()) {
                return context.doNothing();
            }
            request.setAttribute(CurrentCaller.ATTRIBUTE, caller.get());
            return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
        } catch (DomainException refused) {
            return refuse(request, response, context, refused);
        } catch (RuntimeException failed) {
            if (!DatabaseOutage.causes(failed)) {
                throw failed;
            }
            // Credentials are checked against the database: while it is away, the caller is told so, not a bare 500.
            LOG.warning("database unavailable while checking a credential: " + DatabaseOutage.summary(failed));
            try {
                DatabaseOutage.write(response, request.getRequestURI());
            } catch (IOException gone) {
                // the client went away
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private Optional<Caller> recognise(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return Optional.of(Tokens.looksSigned(token) ? credentials.bearer(token) : credentials.device(token));
        }
        String apiKey = request.getHeader(ShippersByKey.HEADER);
        if (apiKey != null) {
            return Optional.of(credentials.shipper(apiKey));
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of(credentials.partnerByBasic(authorization.substring(6)).asCaller());
        }
        Optional<String> deviceCookie = deviceCookie(request);
        if (deviceCookie.isPresent()) {
            request.setAttribute(VIA, VIA_DEVICE_COOKIE);
            return Optional.of(credentials.device(deviceCookie.get()));
        }
        Optional<BrowserSession.Signed> session = BrowserSession.of(request);
        if (session.isPresent()) {
            credentials.stillValid(session.get().caller(), session.get().epoch());
            request.setAttribute(VIA, VIA_SESSION);
            return Optional.of(session.get().caller());
        }
        return Optional.empty();
    }

    /**
     * The web app's device cookie, on the handheld API only. Pairing is left out (a device whose old token was
     * revoked must still be able to pair again), and so is the staff's management of handhelds.
     */
    private static Optional<String> deviceCookie(HttpServletRequest request) {
        String handheld = request.getContextPath() + "/api/handheld/";
        String uri = request.getRequestURI();
        // Staff manage handhelds under /api/handheld/devices from the console, perhaps in the same browser as the app.
        boolean staffPath = uri.startsWith(handheld + "devices") && !uri.startsWith(handheld + "devices/me/");
        if (request.getCookies() == null || !uri.startsWith(handheld) || uri.startsWith(handheld + "pairing") || staffPath) {
            return Optional.empty();
        }
        return java.util.Arrays.stream(request.getCookies()).filter(c -> HandheldDevice.COOKIE.equals(c.getName()))
                .map(jakarta.servlet.http.Cookie::getValue).filter(v -> !v.isBlank()).findFirst();
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context, DomainException refused) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/soap/")) {
            // SOAP clients get the contract's fault from the endpoint, which checks the credential again.
            return context.doNothing();
        }
        if (refused instanceof dev.lastmile.model.problem.NotAuthenticated) {
            BrowserSession.end(request);
        }
        Problem problem = new Problem(Problem.TYPE_BASE + refused.type(), refused.title(), 401, refused.detail(),
                request.getRequestURI(), List.of());
        try {
            response.setStatus(401);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("WWW-Authenticate", "Bearer realm=\"lastmile\"");
            response.getWriter().write(JSON.toJson(problem));
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
