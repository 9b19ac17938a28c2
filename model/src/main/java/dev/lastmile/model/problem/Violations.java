package dev.lastmile.model.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem of a request before refusing it, so that a caller fixes all fields in
 * one round trip instead of one per attempt.
 */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    /** Refuses an absent request body (JSON {@code null} or nothing at all). */
    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidRequest("", "a request body is required");
        }
        return body;
    }

    public Violations require(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Builds a value object, recording its refusal against {@code field} instead of throwing. */
    public <T> T attempt(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidRequest e) {
            e.errors().forEach(error -> add(prefixed(field, error.field()), error.message()));
            return null;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static String prefixed(String field, String inner) {
        if (inner == null || inner.isEmpty() || inner.equals(field)) {
            return field;
        }
        if (inner.startsWith(field + ".")) {
            return inner;
        }
        return field.isEmpty() ? inner : field + "." + inner;
    }
}
