package dev.lastmile.model.problem;

/** One rejected field of a request: its path in the request body, and why. */
public record FieldError(String field, String message) {
}
