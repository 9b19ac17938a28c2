package dev.lastmile.model.problem;

import java.util.List;
import java.util.stream.Collectors;

/** The request is malformed or incomplete; {@link #errors()} names every offending field. */
public class InvalidRequest extends DomainException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super("invalid-request", "Invalid request", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequest(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
