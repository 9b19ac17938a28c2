package dev.lastmile.web.security;

import dev.lastmile.web.console.ConsoleSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every response of the web module. The pages use no outside asset, so the policy allows
 * only this origin; images may also be data: or blob: URLs (signature previews, generated QR codes), and map
 * tiles from the carrier's own tile server when the console is given one.
 * Tracking links carry a postcode: no referrer leaves the site.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:%s;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** The carrier's own map tile server, where one is configured, is the one outside origin images may come from. */
    private String policy;

    @Override
    public void init() {
        policy = String.format(POLICY, ConsoleSettings.fromConfig().tileOrigin().map(origin -> " " + origin).orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
