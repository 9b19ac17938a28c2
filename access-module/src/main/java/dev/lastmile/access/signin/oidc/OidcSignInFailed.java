package dev.lastmile.access.signin.oidc;

/**
 * An OpenID Connect sign-in could not be completed. The message is meant for the log: it names what failed and
 * never carries a token, an authorization code or a secret.
 */
public class OidcSignInFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OidcSignInFailed(String message) {
        super(message);
    }

    public OidcSignInFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
