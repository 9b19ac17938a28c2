package dev.lastmile.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only a scheme, a host and a port of the configured tile server reach the page policy. */
class ConsoleSettingsTest {

    private static Optional<String> origin(String url) {
        return new ConsoleSettings(url, "").tileOrigin();
    }

    @Test
    void theTileServersOriginIsAllThePolicyGets() {
        assertEquals(Optional.of("https://tiles.example"), origin("https://tiles.example/{z}/{x}/{y}.png"));
        assertEquals(Optional.of("http://10.0.0.7:8080"), origin("http://10.0.0.7:8080/osm/{z}/{x}/{y}.png"));
        assertEquals(Optional.of("https://*.tile.example"), origin("https://{s}.tile.example/{z}/{x}/{y}.png"));
        assertEquals(Optional.empty(), origin(null));
    }

    @Test
    void aSettingCannotSmuggleDirectivesOrOtherSchemesIntoThePolicy() {
        assertEquals(Optional.empty(), origin("https://tiles.example; script-src *"));
        assertEquals(Optional.empty(), origin("javascript:alert(1)"));
        assertEquals(Optional.empty(), origin("data:image/png;base64,AAAA"));
        assertEquals(Optional.empty(), origin("not a url at all"));
    }
}
