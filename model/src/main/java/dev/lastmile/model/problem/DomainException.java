package dev.lastmile.model.problem;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses. Each interface style (REST, SOAP, CSV) turns it into its own
 * kind of error; rollback keeps a refused request from leaving half-written state.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    private final String type;
    private final String title;

    protected DomainException(String type, String title, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
    }

    /** A stable, machine-readable slug such as {@code parcel-not-found}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
