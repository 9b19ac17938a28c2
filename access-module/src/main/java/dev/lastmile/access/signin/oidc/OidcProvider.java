package dev.lastmile.access.signin.oidc;

import dev.lastmile.access.signin.oidc.JsonWebKey.JwsAlgorithm;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID Connect provider as discovered from its issuer URL (OpenID Connect Discovery 1.0): its endpoints and the
 * keys it signs ID tokens with. Both are fetched on first use and kept; the keys are fetched again once when a
 * token names a key the provider had not published, which is how providers roll their keys over. Thread-safe.
 */
public class OidcProvider {

    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    /** What Lastmile needs from the discovery document. {@code issuer} is kept verbatim: ID tokens must match it. */
    public record Endpoints(String issuer, URI authorization, URI token, URI jwks) {

        public Endpoints {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(authorization, "authorization");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(jwks, "jwks");
        }
    }

    private final URI issuer;
    private final ProviderHttp http;
    private volatile Endpoints endpoints;
    private volatile List<JsonWebKey> keys;

    public OidcProvider(URI issuer) {
        this(issuer, new ProviderHttp());
    }

    OidcProvider(URI issuer, ProviderHttp http) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.http = http;
    }

    public Endpoints endpoints() {
        Endpoints known = endpoints;
        return known != null ? known : discover();
    }

    /**
     * The key that signed a token, chosen by the token's {@code kid} and {@code alg}. A token without {@code kid} is
     * accepted only when the provider publishes a single key for that algorithm (OpenID Connect Core section 10.1).
     */
    JsonWebKey signingKey(String keyId, JwsAlgorithm algorithm) {
        List<JsonWebKey> known = keys;
        Optional<JsonWebKey> key = known == null ? Optional.empty() : select(known, keyId, algorithm);
        if (key.isPresent()) {
            return key.get();
        }
        return select(refreshKeys(known), keyId, algorithm).orElseThrow(() -> new OidcSignInFailed(
                "the provider's JWKS at " + endpoints().jwks() + " has no usable " + algorithm + " key "
                        + (keyId == null ? "for a token without kid" : "with kid " + keyId)));
    }

    private synchronized Endpoints discover() {
        if (endpoints == null) {
            endpoints = endpointsFrom(http.get(discoveryUri(), "the discovery document"));
        }
        return endpoints;
    }

    /** @param stale the keys the caller found wanting; if another thread has replaced them already, those are used */
    private synchronized List<JsonWebKey> refreshKeys(List<JsonWebKey> stale) {
        if (keys == null || keys == stale) {
            keys = keysFrom(http.get(endpoints().jwks(), "the JWKS"));
        }
        return keys;
    }

    private URI discoveryUri() {
        return URI.create(withoutTrailingSlash(issuer.toString()) + DISCOVERY_PATH);
    }

    private Endpoints endpointsFrom(JsonObject document) {
        String discovered = required(document, "issuer");
        // Discovery section 4.3 wants the two identical; a trailing slash is the one difference forgiven, since
        // operators write the issuer URL into the config by hand.
        if (!withoutTrailingSlash(discovered).equals(withoutTrailingSlash(issuer.toString()))) {
            throw new OidcSignInFailed("the discovery document of " + issuer + " names another issuer: " + discovered);
        }
        return new Endpoints(discovered, uri(document, "authorization_endpoint"), uri(document, "token_endpoint"),
                uri(document, "jwks_uri"));
    }

    private static List<JsonWebKey> keysFrom(JsonObject jwks) {
        if (!(jwks.get("keys") instanceof JsonArray entries)) {
            throw new OidcSignInFailed("the provider's JWKS has no keys array");
        }
        return entries.stream()
                .filter(entry -> entry.getValueType() == JsonValue.ValueType.OBJECT)
                .map(entry -> JsonWebKey.from(entry.asJsonObject()))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<JsonWebKey> select(List<JsonWebKey> keys, String keyId, JwsAlgorithm algorithm) {
        List<JsonWebKey> candidates = keys.stream()
                .filter(key -> key.algorithm() == algorithm)
                .filter(key -> keyId == null || keyId.equals(key.keyId()))
                .toList();
        return candidates.size() == 1 || (keyId != null && !candidates.isEmpty())
                ? Optional.of(candidates.get(0))
                : Optional.empty();
    }

    private URI uri(JsonObject document, String member) {
        URI uri;
        try {
            uri = URI.create(required(document, member));
        } catch (IllegalArgumentException e) {
            throw new OidcSignInFailed("the discovery document of " + issuer + " has a malformed " + member, e);
        }
        if (!uri.isAbsolute()) {
            throw new OidcSignInFailed("the discovery document of " + issuer + " has a relative " + member);
        }
        return uri;
    }

    private String required(JsonObject document, String member) {
        if (document.get(member) instanceof JsonString value && !value.getString().isBlank()) {
            return value.getString();
        }
        throw new OidcSignInFailed("the discovery document of " + issuer + " lacks " + member);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
