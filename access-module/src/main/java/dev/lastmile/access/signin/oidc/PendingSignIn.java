package dev.lastmile.access.signin.oidc;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * A sign-in sent to the provider and not yet back. The caller keeps it in the HTTP session between
 * {@link OidcSignIn#begin(URI)} and {@link OidcSignIn#complete(PendingSignIn, String, String)}; the state, nonce and
 * code verifier never leave the server except as the provider's request parameters (the verifier only as its hash).
 */
public record PendingSignIn(URI redirect, String state, String nonce, String codeVerifier, URI callback)
        implements Serializable {

    public PendingSignIn {
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(callback, "callback");
    }

    /** Without the secrets, so that logging a pending sign-in does not leak them. */
    @Override
    public String toString() {
        return "PendingSignIn[callback=" + callback + "]";
    }
}
