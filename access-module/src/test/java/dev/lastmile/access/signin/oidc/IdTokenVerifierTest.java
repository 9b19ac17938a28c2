package dev.lastmile.access.signin.oidc;

import static dev.lastmile.access.signin.oidc.TokenClaims.ISSUER_ID;
import static dev.lastmile.access.signin.oidc.TokenClaims.aUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ID tokens the mock provider signs with its published key, then taken apart and put together wrongly. */
class IdTokenVerifierTest {

    private static final String CLIENT_ID = "lastmile-console";
    private static final String NONCE = "nonce-of-this-sign-in";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

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
    void aTokenAsTheProviderSignedItIsAccepted() {
        assertEquals("alice", verifier(Clock.systemUTC()).verify(tokenFor("alice"), NONCE).getString("sub"));
    }

    @Test
    void theSignatureOfAnotherTokenDoesNotFit() {
        String[] mallory = tokenFor("mallory").split("\\.");
        String[] alice = tokenFor("alice").split("\\.");

        assertRefused(mallory[0] + "." + mallory[1] + "." + alice[2], "signature");
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() {
        String[] parts = tokenFor("alice").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"alice\"", "\"mallory\"");

        assertRefused(parts[0] + "." + encode(payload) + "." + parts[2], "signature");
    }

    @Test
    void aFlippedBitInTheSignatureIsRefused() {
        String[] parts = tokenFor("alice").split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;

        assertRefused(parts[0] + "." + parts[1] + "." + BASE64URL.encodeToString(signature), "signature");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = tokenFor("mallory").split("\\.");
        String header = encode("{\"alg\":\"none\",\"kid\":\"" + ISSUER_ID + "\"}");

        assertRefused(header + "." + parts[1] + ".", "signed with none; only RS256 and ES256 are accepted");
    }

    @Test
    void aTokenMacedWithThePublicKeyIsRefused() throws Exception {
        // The classic RS256/HS256 confusion: an HMAC keyed with what a careless verifier would use as its secret.
        String[] parts = tokenFor("mallory").split("\\.");
        String signingInput = encode("{\"alg\":\"HS256\",\"kid\":\"" + ISSUER_ID + "\"}") + "." + parts[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(provider.jwksUrl(ISSUER_ID).toString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertRefused(signingInput + "." + signature, "signed with HS256; only RS256 and ES256 are accepted");
    }

    @Test
    void aTokenSignedWithAKeyTheProviderNeverPublishedIsRefusedAfterOneFreshLookAtItsKeys() {
        String foreign = provider.issueToken("elsewhere", CLIENT_ID,
                aUser("alice").withClaim("nonce", NONCE).callback()).serialize();
        IdTokenVerifier verifier = verifier(Clock.systemUTC());
        verifier.verify(tokenFor("alice"), NONCE);

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class, () -> verifier.verify(foreign, NONCE));
        assertTrue(failure.getMessage().contains("kid elsewhere"), failure.getMessage());
        assertEquals(List.of("/default/.well-known/openid-configuration", "/default/jwks", "/default/jwks"),
                requestedPaths());
    }

    @Test
    void aTokenExpiredWithinTheLeewayIsStillAccepted() {
        String token = tokenFor("alice");
        Clock thirtySecondsAfterExpiry = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3600 + 30));

        assertEquals("alice", verifier(thirtySecondsAfterExpiry).verify(token, NONCE).getString("sub"));
    }

    @Test
    void aTokenExpiredBeyondTheLeewayIsRefused() {
        String token = tokenFor("alice");
        Clock twoMinutesAfterExpiry = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3600 + 120));

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class,
                () -> verifier(twoMinutesAfterExpiry).verify(token, NONCE));
        assertTrue(failure.getMessage().contains("expired"), failure.getMessage());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String token = provider.issueToken(ISSUER_ID, CLIENT_ID,
                aUser("alice").withClaim("nonce", NONCE).withClaim("iss", "https://impostor.example").callback())
                .serialize();

        assertRefused(token, "issued by");
    }

    @Test
    void failureMessagesNeverQuoteTheToken() {
        String[] parts = tokenFor("alice").split("\\.");
        String tampered = parts[0] + "." + encode(Json.createObjectBuilder().add("sub", "mallory").build().toString())
                + "." + parts[2];

        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class,
                () -> verifier(Clock.systemUTC()).verify(tampered, NONCE));
        assertFalse(failure.getMessage().contains(parts[1]), failure.getMessage());
        assertFalse(failure.getMessage().contains(parts[2]), failure.getMessage());
    }

    private String tokenFor(String subject) {
        return provider.issueToken(ISSUER_ID, CLIENT_ID,
                aUser(subject).forAudience(CLIENT_ID).withClaim("nonce", NONCE).callback()).serialize();
    }

    private IdTokenVerifier verifier(Clock clock) {
        OidcProvider discovered = new OidcProvider(URI.create(provider.issuerUrl(ISSUER_ID).toString()));
        return new IdTokenVerifier(discovered, CLIENT_ID, clock);
    }

    private void assertRefused(String token, String reason) {
        OidcSignInFailed failure = assertThrows(OidcSignInFailed.class, () -> verifier(Clock.systemUTC()).verify(token, NONCE));
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }

    private List<String> requestedPaths() {
        List<String> paths = new ArrayList<>();
        while (true) {
            try {
                paths.add(provider.takeRequest(200, TimeUnit.MILLISECONDS).getPath());
            } catch (RuntimeException none) {
                return paths;
            }
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
