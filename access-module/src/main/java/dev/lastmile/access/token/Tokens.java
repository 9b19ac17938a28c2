package dev.lastmile.access.token;

import dev.lastmile.access.AccessSettings;
import dev.lastmile.model.access.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Bearer tokens of this installation, signed with the configured key. */
@ApplicationScoped
public class Tokens {

    public static final String SETTING = "lastmile.tokens.secret";

    @Inject
    AccessSettings settings;

    private TokenSigner signer;

    @PostConstruct
    void init() {
        signer = TokenSigner.fromSettings(SETTING, settings.tokenSecret(), settings.previousTokenSecrets());
    }

    public record Issued(String token, long expiresInSeconds) {
    }

    public Issued issue(Caller caller, int epoch) {
        return new Issued(signer.issue(caller, epoch, Instant.now(), settings.tokenLifetime()),
                settings.tokenLifetime().toSeconds());
    }

    public Optional<TokenClaims> verify(String token) {
        return signer.verify(token, Instant.now());
    }

    /** A bearer token of ours has three dot-separated parts; handheld tokens are opaque and have none. */
    public static boolean looksSigned(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
