package dev.lastmile.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The access settings, from MicroProfile Config (environment variables such as LASTMILE_TOKENS_SECRET work). */
@ApplicationScoped
public class AccessSettings {

    @Inject
    @ConfigProperty(name = "lastmile.tokens.secret", defaultValue = "")
    String tokenSecret;

    /** Keys retired by a rotation, comma-separated: their tokens stay valid until they expire. */
    @Inject
    @ConfigProperty(name = "lastmile.tokens.previous-secrets")
    Optional<String> previousTokenSecrets;

    @Inject
    @ConfigProperty(name = "lastmile.tokens.lifetime", defaultValue = "PT15M")
    Duration tokenLifetime;

    /** How long an instance trusts what it read about an account's revocation; changes on the same instance count at once. */
    @Inject
    @ConfigProperty(name = "lastmile.tokens.revocation-check", defaultValue = "PT5S")
    Duration revocationCheck;

    /** Consecutive wrong passwords after which an account is locked until an administrator lifts it. */
    @Inject
    @ConfigProperty(name = "lastmile.signin.max-failures", defaultValue = "5")
    int maxFailures;

    /** Failed sign-ins from one client address within the window after which it must wait. */
    @Inject
    @ConfigProperty(name = "lastmile.signin.address-max-failures", defaultValue = "20")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "lastmile.signin.window", defaultValue = "PT15M")
    Duration window;

    /** OWASP (2023) asks at least 210,000 for PBKDF2-HMAC-SHA512. */
    @Inject
    @ConfigProperty(name = "lastmile.passwords.iterations", defaultValue = "210000")
    int passwordIterations;

    @Inject
    @ConfigProperty(name = "lastmile.admin.username", defaultValue = "admin")
    String adminUsername;

    /** Creates the first administrator with this password when no administrator exists yet. */
    @Inject
    @ConfigProperty(name = "lastmile.admin.password")
    Optional<String> adminPassword;

    public String tokenSecret() {
        return tokenSecret;
    }

    public Optional<String> previousTokenSecrets() {
        return previousTokenSecrets;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public Duration revocationCheck() {
        return revocationCheck;
    }

    public int maxFailures() {
        return maxFailures;
    }

    public int addressMaxFailures() {
        return addressMaxFailures;
    }

    public Duration window() {
        return window;
    }

    public int passwordIterations() {
        return passwordIterations;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }
}
