package dev.lastmile.web.console;

import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's map base layer: the carrier's own tile server, or none. With none (the default, and the
 * offline case) the console draws routes and roads on a plain background, so no request leaves the site.
 */
public record ConsoleSettings(String tileUrl, String tileAttribution) {

    private static final Logger LOG = Logger.getLogger(ConsoleSettings.class.getName());

    public static ConsoleSettings fromConfig() {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("lastmile.console.tile-url", String.class).filter(u -> !u.isBlank())
                .orElse(null);
        String attribution = config.getOptionalValue("lastmile.console.tile-attribution", String.class)
                .orElse("© OpenStreetMap contributors");
        return new ConsoleSettings(url, attribution);
    }

    /**
     * The tile server's origin, for the page policy's img-src; empty without a (readable) tile server. A
     * subdomain template ("https://{s}.tiles.example/...") allows every subdomain of that host. Only the
     * scheme, a host name and a port reach the policy, so a setting cannot add directives to it.
     */
    public Optional<String> tileOrigin() {
        if (tileUrl == null) {
            return Optional.empty();
        }
        boolean subdomains = tileUrl.matches("(?i)https?://\\{s}\\..*");
        URI uri;
        try {
            uri = URI.create(tileUrl.replaceFirst("\\{s}\\.", "").replaceAll("\\{[a-z]+}", "0"));
        } catch (IllegalArgumentException unreadable) {
            LOG.warning(() -> "lastmile.console.tile-url is not a URL, the maps use no tiles: " + tileUrl);
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getHost().matches("[A-Za-z0-9.-]+")
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + (subdomains ? "*." : "") + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }
}
