package dev.lastmile.model.problem;

/** The caller is known but its role does not allow this. */
public class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super("forbidden", "Forbidden", detail);
    }
}
