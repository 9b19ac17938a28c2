package dev.lastmile.access.signin.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signs staff in with the configured OpenID Connect provider, by the authorization code flow with PKCE (OpenID
 * Connect Core section 3.1, RFC 7636). {@link #begin(URI)} says where to send the browser; the provider sends it
 * back to the callback with a code, and {@link #complete(PendingSignIn, String, String)} turns that into who signed
 * in. The caller keeps the {@link PendingSignIn} in the HTTP session in between.
 */
@ApplicationScoped
public class OidcSignIn {

    /** 256 bits for state, nonce and code verifier; the verifier comes out at 43 characters, RFC 7636's minimum. */
    private static final int RANDOM_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OidcSettings settings;
    private final OidcProvider provider;
    private final IdTokenVerifier verifier;
    private final ProviderHttp http;
    private final SecureRandom random;

    /** For the CDI proxy only. */
    protected OidcSignIn() {
        this.settings = null;
        this.provider = null;
        this.verifier = null;
        this.http = null;
        this.random = null;
    }

    @Inject
    public OidcSignIn(OidcSettings settings) {
        this(settings, new ProviderHttp(), Clock.systemUTC());
    }

    OidcSignIn(OidcSettings settings, ProviderHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.random = new SecureRandom();
        if (settings.enabled()) {
            this.provider = new OidcProvider(settings.issuer(), http);
            this.verifier = new IdTokenVerifier(provider, settings.clientId(), clock);
        } else {
            this.provider = null;
            this.verifier = null;
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** @param callback where the provider sends the browser back; it must be registered with the provider */
    public PendingSignIn begin(URI callback) {
        requireEnabled();
        String state = randomToken();
        String nonce = randomToken();
        String codeVerifier = randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", callback.toString());
        query.put("scope", settings.scope());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        URI redirect = withQuery(provider.endpoints().authorization(), query);
        return new PendingSignIn(redirect, state, nonce, codeVerifier, callback);
    }

    /**
     * @param state the {@code state} parameter the provider sent back to the callback
     * @param code  the {@code code} parameter the provider sent back to the callback
     */
    public OidcIdentity complete(PendingSignIn pending, String state, String code) {
        requireEnabled();
        if (pending == null) {
            throw new OidcSignInFailed("no sign-in is pending in this session (session expired, or callback replayed)");
        }
        if (!IdTokenVerifier.constantTimeEquals(state, pending.state())) {
            throw new OidcSignInFailed("the callback's state does not match this sign-in's (forged or stale callback)");
        }
        if (code == null || code.isBlank()) {
            throw new OidcSignInFailed("the callback carries no authorization code");
        }
        JsonObject claims = verifier.verify(idToken(pending, code), pending.nonce());
        return identity(claims);
    }

    private String idToken(PendingSignIn pending, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.callback().toString());
        form.put("code_verifier", pending.codeVerifier());
        if (settings.clientSecret().isEmpty()) {
            form.put("client_id", settings.clientId());
        }
        JsonObject response = http.postForm(provider.endpoints().token(), form, clientSecretBasic(), "the token");
        if (!(response.get("id_token") instanceof JsonString idToken)) {
            throw new OidcSignInFailed("the token response carries no ID token (is openid in the scope?)");
        }
        return idToken.getString();
    }

    /** RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
    private String clientSecretBasic() {
        return settings.clientSecret()
                .map(secret -> ProviderHttp.encode(settings.clientId()) + ":" + ProviderHttp.encode(secret))
                .map(credentials -> "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    private OidcIdentity identity(JsonObject claims) {
        String subject = claims.getString("sub");
        String username = settings.nameClaim().value(claims).orElse(subject);
        String email = new ClaimPath("email").value(claims).orElse(null);
        Set<String> roles = settings.rolesClaim().values(claims).stream()
                .map(role -> role.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new OidcIdentity(subject, username, email, roles, settings.depotsClaim().values(claims));
    }

    private String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static String codeChallenge(String codeVerifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static URI withQuery(URI endpoint, Map<String, String> query) {
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        // URLEncoder writes spaces as '+', which only form bodies promise to read as spaces; a query wants %20.
        return URI.create(endpoint + separator + ProviderHttp.formEncoded(query).replace("+", "%20"));
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new OidcSignInFailed("OIDC sign-in is disabled: lastmile.oidc.issuer is not set");
        }
    }
}
