package dev.lastmile.access.signin.oidc;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/** A real OpenID Connect provider in the test JVM, on a free port of localhost. */
final class MockProvider {

    static {
        // Without a logback configuration of its own the provider logs every request and token at DEBUG; its
        // stand-alone configuration logs at INFO. Set before the provider's first logger is created.
        System.setProperty("logback.configurationFile", "logback-standalone.xml");
    }

    private MockProvider() {
    }

    static MockOAuth2Server started() {
        return started(new OAuth2Config());
    }

    static MockOAuth2Server started(OAuth2Config config) {
        MockOAuth2Server provider = new MockOAuth2Server(config);
        provider.start();
        return provider;
    }
}
