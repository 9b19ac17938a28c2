package dev.lastmile.access.signin.oidc;

import com.nimbusds.jose.JOSEObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** Builds what the mock provider puts into the next token it issues: {@code aUser("alice").withRoles("dispatcher")}. */
final class TokenClaims {

    static final String ISSUER_ID = "default";

    private final String subject;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private List<String> audience;
    private long expirySeconds = 3600;

    private TokenClaims(String subject) {
        this.subject = subject;
    }

    static TokenClaims aUser(String subject) {
        return new TokenClaims(subject);
    }

    TokenClaims withRoles(Object roles) {
        return withClaim("roles", roles);
    }

    TokenClaims withDepots(Object depots) {
        return withClaim("depots", depots);
    }

    /** A claim in the token; {@code aud} and {@code nonce} given here replace what the provider would have set. */
    TokenClaims withClaim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /** The access token's audience; ID tokens carry the client id unless {@code aud} is set as a claim. */
    TokenClaims forAudience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    TokenClaims expiringIn(long seconds) {
        this.expirySeconds = seconds;
        return this;
    }

    DefaultOAuth2TokenCallback callback() {
        return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(), audience,
                Map.copyOf(claims), expirySeconds);
    }
}
