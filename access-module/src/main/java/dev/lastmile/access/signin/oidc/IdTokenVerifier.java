package dev.lastmile.access.signin.oidc;

import dev.lastmile.access.signin.oidc.JsonWebKey.JwsAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks an ID token the way OpenID Connect Core section 3.1.3.7 asks of a client that got it straight from the
 * token endpoint: the JWS signature against the provider's published key, then issuer, audience, authorized party,
 * expiry, issue time and nonce.
 */
class IdTokenVerifier {

    /** Tolerated clock difference between Lastmile and the provider. */
    static final Duration LEEWAY = Duration.ofSeconds(60);

    private final OidcProvider provider;
    private final String clientId;
    private final Clock clock;

    IdTokenVerifier(OidcProvider provider, String clientId, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the token's claims, once every check passed */
    JsonObject verify(String idToken, String expectedNonce) {
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            throw new OidcSignInFailed("the ID token is not a JWS in compact serialization");
        }
        JsonObject header = decodedJson(parts[0], "header");
        JsonWebKey key = provider.signingKey(optionalText(header, "kid"), algorithm(header));
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!key.verifies(signingInput, decoded(parts[2], "signature"))) {
            throw new OidcSignInFailed("the ID token's signature does not verify with key " + key.keyId());
        }
        JsonObject claims = decodedJson(parts[1], "payload");
        checkClaims(claims, expectedNonce);
        return claims;
    }

    private static JwsAlgorithm algorithm(JsonObject header) {
        String name = optionalText(header, "alg");
        JwsAlgorithm algorithm = JwsAlgorithm.named(name)
                .orElseThrow(() -> new OidcSignInFailed("the ID token is signed with " + name
                        + "; only RS256 and ES256 are accepted"));
        // RFC 7515 section 4.1.11: extensions the recipient does not understand make the token invalid.
        if (header.containsKey("crit")) {
            throw new OidcSignInFailed("the ID token requires JWS extensions Lastmile does not implement");
        }
        return algorithm;
    }

    private void checkClaims(JsonObject claims, String expectedNonce) {
        String issuer = provider.endpoints().issuer();
        if (!issuer.equals(optionalText(claims, "iss"))) {
            throw new OidcSignInFailed("the ID token was issued by " + optionalText(claims, "iss") + ", not " + issuer);
        }
        if (!audienceIncludesClient(claims.get("aud"))) {
            throw new OidcSignInFailed("the ID token is meant for another audience than client " + clientId);
        }
        String authorizedParty = optionalText(claims, "azp");
        if (authorizedParty != null && !authorizedParty.equals(clientId)) {
            throw new OidcSignInFailed("the ID token was issued to client " + authorizedParty + ", not " + clientId);
        }
        String subject = optionalText(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw new OidcSignInFailed("the ID token names no subject");
        }
        checkTimes(claims);
        String nonce = optionalText(claims, "nonce");
        if (nonce == null || !constantTimeEquals(nonce, expectedNonce)) {
            throw new OidcSignInFailed("the ID token's nonce does not match the one this sign-in sent");
        }
    }

    private void checkTimes(JsonObject claims) {
        Instant now = clock.instant();
        Instant expires = time(claims, "exp");
        if (expires == null) {
            throw new OidcSignInFailed("the ID token has no expiry");
        }
        if (!now.isBefore(expires.plus(LEEWAY))) {
            throw new OidcSignInFailed("the ID token expired at " + expires);
        }
        Instant issued = time(claims, "iat");
        if (issued == null) {
            throw new OidcSignInFailed("the ID token has no issue time");
        }
        if (issued.isAfter(now.plus(LEEWAY))) {
            throw new OidcSignInFailed("the ID token claims to be issued in the future, at " + issued);
        }
        Instant notBefore = time(claims, "nbf");
        if (notBefore != null && notBefore.isAfter(now.plus(LEEWAY))) {
            throw new OidcSignInFailed("the ID token is not valid before " + notBefore);
        }
    }

    private boolean audienceIncludesClient(JsonValue audience) {
        if (audience instanceof JsonString single) {
            return single.getString().equals(clientId);
        }
        return audience instanceof JsonArray many
                && many.stream().anyMatch(entry -> entry instanceof JsonString s && s.getString().equals(clientId));
    }

    static boolean constantTimeEquals(String actual, String expected) {
        return expected != null && actual != null
                && MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant time(JsonObject claims, String member) {
        if (claims.get(member) == null) {
            return null;
        }
        if (!(claims.get(member) instanceof JsonNumber seconds)) {
            throw new OidcSignInFailed("the ID token's " + member + " is not a number");
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    private static String optionalText(JsonObject object, String member) {
        return object.get(member) instanceof JsonString value ? value.getString() : null;
    }

    private static JsonObject decodedJson(String part, String name) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(decoded(part, name)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new OidcSignInFailed("the ID token's " + name + " is not a JSON object", e);
        }
    }

    private static byte[] decoded(String part, String name) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new OidcSignInFailed("the ID token's " + name + " is not base64url", e);
        }
    }
}
