package dev.lastmile.web.problem;

import dev.lastmile.model.problem.FieldError;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists the offending fields of an invalid request. */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://lastmile.dev/problems/";
}
