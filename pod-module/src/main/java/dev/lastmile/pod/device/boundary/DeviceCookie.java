package dev.lastmile.pod.device.boundary;

import dev.lastmile.model.handheld.HandheldDevice;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The token of a handheld that runs the driver's web app: HttpOnly (no script on any page of the site reads
 * it), SameSite=Strict (no other site's page sends it), and scoped to the handheld API's path.
 */
final class DeviceCookie {

    /** Under the REST application's path (…/api/): the handheld API only. */
    static final String PATH = "handheld";

    private DeviceCookie() {
    }

    /** Whether the caller sent its token as the cookie rather than as a bearer header (the web app does). */
    static boolean sentBy(HttpHeaders headers) {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && headers.getCookies().containsKey(HandheldDevice.COOKIE);
    }

    private static String apiPath(UriInfo uri) {
        String path = uri.getBaseUri().getPath();
        return path.endsWith("/") ? path : path + "/";
    }

    static NewCookie holding(String token, Instant expiresAt, UriInfo uri) {
        boolean secure = ConfigProvider.getConfig().getOptionalValue("lastmile.cookies.secure", Boolean.class).orElse(false);
        int maxAge = (int) Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        return new NewCookie.Builder(HandheldDevice.COOKIE).value(token).path(apiPath(uri) + PATH)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).expiry(
                        java.util.Date.from(expiresAt)).build();
    }
}
