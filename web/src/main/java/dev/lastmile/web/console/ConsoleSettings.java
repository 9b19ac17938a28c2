package dev.lastmile.web.console;

import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's map base layer: the carrier's own tile server, or none. With none (the default, and the
 * offline case) the console draws routes and roads on a plain background, so no request leaves the site.
 */
public record ConsoleSettings(String tileUrl, String tileAttribution) {

    public static ConsoleSettings fromConfig() {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("lastmile.console.tile-url", String.class).filter(u -> !u.isBlank())
                .orElse(null);
        String attribution = config.getOptionalValue("lastmile.console.tile-attribution", String.class)
                .orElse("© OpenStreetMap contributors");
        return new ConsoleSettings(url, attribution);
    }

    /** The tile server's origin, for the page policy's img-src; empty without a tile server. */
    public Optional<String> tileOrigin() {
        if (tileUrl == null) {
            return Optional.empty();
        }
        URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }
}
