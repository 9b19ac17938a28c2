package dev.lastmile.model.problem;

/** The caller did not prove who it is (a missing, unknown or revoked token). */
public class NotAuthenticated extends DomainException {

    public NotAuthenticated(String detail) {
        super("not-authenticated", "Not authenticated", detail);
    }
}
