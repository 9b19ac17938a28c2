package dev.lastmile.access.signin;

import dev.lastmile.model.access.Credential;
import dev.lastmile.access.AccessSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Passwords as Jakarta Security's PBKDF2 hashes (HMAC-SHA512, 32-byte salt). Never stored or logged in clear.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    AccessSettings settings;

    /** Checked against when the user name is unknown, so a wrong name costs as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(settings.passwordIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32", "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate(generated().toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String encoded) {
        return encoded != null && pbkdf2.verify(password.toCharArray(), encoded);
    }

    public void spendTheSameTime(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
    }

    /** A password for a new or reset account: 18 random bytes, shown once. */
    public static String generated() {
        return Credential.newSecret(18);
    }

    /** At least 12 characters: length beats composition rules (NIST SP 800-63B). */
    public static boolean acceptable(String password) {
        return password != null && password.length() >= 12 && password.length() <= 200;
    }
}
