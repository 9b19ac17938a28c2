package dev.lastmile.access.signin.oidc;

import static dev.lastmile.access.signin.oidc.TokenClaims.ISSUER_ID;
import static dev.lastmile.access.signin.oidc.TokenClaims.aUser;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcSignInTest {

    private static final String CLIENT_ID = "lastmile-console";
    private static final String CLIENT_SECRET = "console-secret";
    private static final URI CALLBACK = URI.create("http://localhost:8080/console/signin/oidc");

    private final HttpClient browser = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private MockOAuth2Server provider;

    @BeforeEach
    void startProvider() {
        provider = MockProvider.started();
    }

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    @Test
    void rolesAndDepotsComeFromTheIdTokenClaims() {
        provider.enqueueCallback(aUser("alice")
                .withRoles(List.of("dispatcher", "planner"))
                .withDepots(List.of("LON1"))
                .withClaim("email", "alice@example.com")
                .callback());

        OidcIdentity alice = signInAtProvider(signIn());

        assertAll(
                () -> assertEquals("alice", alice.subject()),
                () -> assertEquals("alice", alice.username(), "no preferred_username, so the subject"),
                () -> assertEquals("alice@example.com", alice.email()),
                () -> assertEquals(Set.of("DISPATCHER", "PLANNER"), alice.roles()),
                () -> assertEquals(Set.of("LON1"), alice.depots()));
    }

    @Test
    void theUsernameIsThePreferredUsernameWhenTheProviderSendsOne() {
        provider.enqueueCallback(aUser("0f3a-77").withClaim("preferred_username", "a.smith").callback());

        OidcIdentity identity = signInAtProvider(signIn());

        assertEquals("a.smith", identity.username());
        assertEquals("0f3a-77", identity.subject());
        assertNull(identity.email());
        assertTrue(identity.roles().isEmpty());
    }

    @Test
    void rolesAndDepotsGivenAsOneStringAreSplitAtSpacesAndCommas() {
        provider.enqueueCallback(aUser("bob").withRoles("driver, planner dispatcher").withDepots("LON1,MAN2").callback());

        OidcIdentity bob = signInAtProvider(signIn());

        assertEquals(Set.of("DRIVER", "PLANNER", "DISPATCHER"), bob.roles());
        assertEquals(Set.of("LON1", "MAN2"), bob.depots());
    }

    @Test
    void aDottedRolesClaimWalksIntoNestedObjectsAsKeycloakNestsRealmRoles() {
        provider.enqueueCallback(aUser("carol")
                .withClaim("realm_access", Map.of("roles", List.of("administrator")))
                .withRoles(List.of("ignored"))
                .callback());
        OidcSignIn keycloakStyle = new OidcSignIn(settings().withClaims("realm_access.roles", "depots", "preferred_username"));

        OidcIdentity carol = signInAtProvider(keycloakStyle);

        assertEquals(Set.of("ADMINISTRATOR"), carol.roles());
    }

    @Test
    void theBrowserIsSentToTheAuthorizationEndpointWithStateNonceAndPkceChallenge() throws Exception {
        PendingSignIn pending = signIn().begin(CALLBACK);
        Map<String, String> query = queryOf(pending.redirect());

        assertAll(
                () -> assertEquals(provider.authorizationEndpointUrl(ISSUER_ID).toString(),
                        pending.redirect().toString().substring(0, pending.redirect().toString().indexOf('?'))),
                () -> assertEquals("code", query.get("response_type")),
                () -> assertEquals(CLIENT_ID, query.get("client_id")),
                () -> assertEquals(CALLBACK.toString(), query.get("redirect_uri")),
                () -> assertEquals("openid profile email", query.get("scope")),
                () -> assertEquals(pending.state(), query.get("state")),
                () -> assertEquals(pending.nonce(), query.get("nonce")),
                () -> assertEquals("S256", query.get("code_challenge_method")),
                () -> assertEquals(s256(pending.codeVerifier()), query.get("code_challenge")),
                () -> assertFalse(pending.redirect().toString().contains(pending.codeVerifier())));
    }

    @Test
    void theOpenidScopeIsAskedForEvenWhenTheConfiguredScopeForgetsIt() {
        OidcSettings forgetful = new OidcSettings(Optional.of(settings().issuer().toString()), Optional.of(CLIENT_ID),
                Optional.of(CLIENT_SECRET), "profile depots", "roles", "depots", "preferred_username");

        assertEquals("openid profile depots", queryOf(new OidcSignIn(forgetful).begin(CALLBACK).redirect()).get("scope"));
    }

    @Test
    void everySignInGetsItsOwnStateNonceAndVerifier() {
        OidcSignIn signIn = signIn();
        PendingSignIn first = signIn.begin(CALLBACK);
        PendingSignIn second = signIn.begin(CALLBACK);

        assertNotEquals(first.state(), second.state());
        assertNotEquals(first.nonce(), second.nonce());
        assertNotEquals(first.codeVerifier(), second.codeVerifier());
        assertTrue(first.state().matches("[A-Za-z0-9_-]{43}"), "URL-safe, 256 bits: " + first.state());
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        provider.enqueueCallback(aUser("alice").callback());
        OidcSignIn signIn = signIn();
        PendingSignIn pending = signIn.begin(CALLBACK);
        Map<String, String> callback = followToCallback(pending);

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class,
                () -> signIn.complete(pending, "forged" + callback.get("state"), callback.get("code")));
        assertTrue(failure.getMessage().contains("state"), failure.getMessage());
        assertFalse(failure.getMessage().contains(callback.get("code")), "the code stays out of the log");
    }

    @Test
    void aCallbackWithoutAPendingSignInIsRefused() {
        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class,
                () -> signIn().complete(null, "some-state", "some-code"));
        assertTrue(failure.getMessage().contains("no sign-in is pending"), failure.getMessage());
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        provider.enqueueCallback(aUser("alice").withClaim("nonce", "replayed-from-another-sign-in").callback());

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class, () -> signInAtProvider(signIn()));
        assertTrue(failure.getMessage().contains("nonce"), failure.getMessage());
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        provider.enqueueCallback(aUser("alice").withClaim("aud", List.of("parcel-tracker")).callback());

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class, () -> signInAtProvider(signIn()));
        assertTrue(failure.getMessage().contains("audience"), failure.getMessage());
    }

    @Test
    void theCodeIsWorthlessWithoutThisSignInsCodeVerifier() throws Exception {
        provider.enqueueCallback(aUser("alice").callback());
        OidcSignIn signIn = signIn();
        PendingSignIn pending = signIn.begin(CALLBACK);
        Map<String, String> callback = followToCallback(pending);
        PendingSignIn stolen = new PendingSignIn(pending.redirect(), pending.state(), pending.nonce(),
                "a-verifier-of-another-sign-in-that-is-long-enough", pending.callback());

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class,
                () -> signIn.complete(stolen, callback.get("state"), callback.get("code")));
        assertTrue(failure.getMessage().contains("invalid_grant"), failure.getMessage());
    }

    @Test
    void aProviderSigningWithEs256IsAccepted() {
        provider.shutdown();
        provider = MockProvider.started(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(), "ES256"))));
        provider.enqueueCallback(aUser("dave").withRoles(List.of("driver")).callback());

        assertEquals(Set.of("DRIVER"), signInAtProvider(signIn()).roles());
    }

    @Test
    void withoutAnIssuerOidcSignInIsDisabled() {
        OidcSettings none = new OidcSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                "openid", "roles", "depots", "preferred_username");
        OidcSignIn disabled = new OidcSignIn(none);

        assertFalse(disabled.enabled());
        assertThrows(OidcSignInFailed.class, () -> disabled.begin(CALLBACK));
    }

    private OidcSettings settings() {
        return OidcSettings.of(URI.create(provider.issuerUrl(ISSUER_ID).toString()), CLIENT_ID, CLIENT_SECRET);
    }

    private OidcSignIn signIn() {
        return new OidcSignIn(settings());
    }

    /** The whole round trip: begin, the provider's redirect back to the callback, complete. */
    private OidcIdentity signInAtProvider(OidcSignIn signIn) {
        PendingSignIn pending = signIn.begin(CALLBACK);
        Map<String, String> callback = followToCallback(pending);
        return signIn.complete(pending, callback.get("state"), callback.get("code"));
    }

    /** What the browser does: asks the provider, which (with no login page configured) redirects straight back. */
    private Map<String, String> followToCallback(PendingSignIn pending) {
        try {
            HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(pending.redirect()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(302, response.statusCode(), "the provider redirects back to the callback");
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertTrue(location.toString().startsWith(CALLBACK + "?"), location.toString());
            return queryOf(location);
        } catch (Exception e) {
            throw new AssertionError("the provider did not answer the authorization request", e);
        }
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String s256(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
