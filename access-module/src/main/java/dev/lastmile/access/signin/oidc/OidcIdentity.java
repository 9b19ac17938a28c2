package dev.lastmile.access.signin.oidc;

import java.util.Objects;
import java.util.Set;

/**
 * Who the provider says signed in, read from a verified ID token.
 *
 * @param subject  the provider's stable identifier for the user ({@code sub})
 * @param username the configured name claim, or the subject when the token has none
 * @param email    the {@code email} claim, {@code null} when the provider sent none
 * @param roles    upper-cased, as the provider granted them; mapping them onto Lastmile roles is the caller's business
 * @param depots   the depot codes the user may work for, as the provider spelled them
 */
public record OidcIdentity(String subject, String username, String email, Set<String> roles, Set<String> depots) {

    public OidcIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        depots = Set.copyOf(depots);
    }
}
