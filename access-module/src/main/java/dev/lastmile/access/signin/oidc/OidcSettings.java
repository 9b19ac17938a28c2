package dev.lastmile.access.signin.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How Lastmile signs staff in with an OpenID Connect provider. Without {@code lastmile.oidc.issuer} OIDC sign-in is
 * off and only the other ways of signing in remain.
 */
@ApplicationScoped
public class OidcSettings {

    static final String DEFAULT_SCOPE = "openid profile email";
    static final String DEFAULT_ROLES_CLAIM = "roles";
    static final String DEFAULT_DEPOTS_CLAIM = "depots";
    static final String DEFAULT_NAME_CLAIM = "preferred_username";

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final ClaimPath rolesClaim;
    private final ClaimPath depotsClaim;
    private final ClaimPath nameClaim;

    /** For the CDI proxy only. */
    protected OidcSettings() {
        this(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_SCOPE, DEFAULT_ROLES_CLAIM,
                DEFAULT_DEPOTS_CLAIM, DEFAULT_NAME_CLAIM);
    }

    @Inject
    public OidcSettings(
            @ConfigProperty(name = "lastmile.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "lastmile.oidc.client-id") Optional<String> clientId,
            @ConfigProperty(name = "lastmile.oidc.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "lastmile.oidc.scope", defaultValue = DEFAULT_SCOPE) String scope,
            @ConfigProperty(name = "lastmile.oidc.roles-claim", defaultValue = DEFAULT_ROLES_CLAIM) String rolesClaim,
            @ConfigProperty(name = "lastmile.oidc.depots-claim", defaultValue = DEFAULT_DEPOTS_CLAIM) String depotsClaim,
            @ConfigProperty(name = "lastmile.oidc.name-claim", defaultValue = DEFAULT_NAME_CLAIM) String nameClaim) {
        this.issuer = nonBlank(issuer).map(URI::create).orElse(null);
        this.clientId = nonBlank(clientId).orElse(null);
        this.clientSecret = nonBlank(clientSecret).orElse(null);
        this.scope = withOpenid(scope);
        this.rolesClaim = new ClaimPath(rolesClaim);
        this.depotsClaim = new ClaimPath(depotsClaim);
        this.nameClaim = new ClaimPath(nameClaim);
        if (this.issuer != null && this.clientId == null) {
            throw new OidcSignInFailed("lastmile.oidc.issuer is set but lastmile.oidc.client-id is not");
        }
    }

    /** Settings with the default scope and claims, for a provider that needs nothing else. */
    public static OidcSettings of(URI issuer, String clientId, String clientSecret) {
        return new OidcSettings(Optional.of(issuer.toString()), Optional.of(clientId), Optional.ofNullable(clientSecret),
                DEFAULT_SCOPE, DEFAULT_ROLES_CLAIM, DEFAULT_DEPOTS_CLAIM, DEFAULT_NAME_CLAIM);
    }

    /** The same provider and client, reading roles, depots and the user name from other claims. */
    public OidcSettings withClaims(String rolesClaim, String depotsClaim, String nameClaim) {
        return new OidcSettings(Optional.ofNullable(issuer).map(URI::toString), Optional.ofNullable(clientId),
                Optional.ofNullable(clientSecret), scope, rolesClaim, depotsClaim, nameClaim);
    }

    public boolean enabled() {
        return issuer != null;
    }

    public URI issuer() {
        requireEnabled();
        return issuer;
    }

    public String clientId() {
        requireEnabled();
        return clientId;
    }

    /** Absent for a public client, which then proves itself by PKCE alone. */
    public Optional<String> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    public String scope() {
        return scope;
    }

    public ClaimPath rolesClaim() {
        return rolesClaim;
    }

    public ClaimPath depotsClaim() {
        return depotsClaim;
    }

    /** Where the user name is; {@code sub} stands in when the token lacks it. */
    public ClaimPath nameClaim() {
        return nameClaim;
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", scope=" + scope + "]";
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new OidcSignInFailed("OIDC sign-in is disabled: lastmile.oidc.issuer is not set");
        }
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    /** Without the {@code openid} scope the provider answers as plain OAuth 2 and sends no ID token. */
    private static String withOpenid(String scope) {
        String stripped = scope == null ? "" : scope.strip();
        boolean hasOpenid = Arrays.asList(stripped.split("\\s+")).contains("openid");
        return hasOpenid ? stripped : ("openid " + stripped).strip();
    }
}
