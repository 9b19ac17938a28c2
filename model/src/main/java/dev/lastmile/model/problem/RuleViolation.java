package dev.lastmile.model.problem;

/** A well-formed request that a business rule refuses in the current state, e.g. delivering a parcel twice. */
public class RuleViolation extends DomainException {

    public RuleViolation(String type, String title, String detail) {
        super(type, title, detail);
    }
}
