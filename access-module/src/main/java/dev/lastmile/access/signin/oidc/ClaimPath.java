package dev.lastmile.access.signin.oidc;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a claim sits in an ID token: a top-level name ({@code roles}) or a dotted path into nested objects
 * ({@code realm_access.roles}, as Keycloak puts realm roles). A name that exists as it is wins over the walk, so that
 * namespaced claims such as {@code https://lastmile.dev/roles} (Auth0) work too.
 */
public record ClaimPath(String path) {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[\\s,]+");

    public ClaimPath {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a claim path must not be blank");
        }
        path = path.strip();
    }

    /** The claim as a set: a JSON array of strings (or numbers), or one string separated by spaces or commas. */
    public Set<String> values(JsonObject claims) {
        Set<String> values = new LinkedHashSet<>();
        find(claims).ifPresent(value -> {
            if (value instanceof JsonArray array) {
                array.forEach(item -> text(item).ifPresent(values::add));
            } else {
                text(value).ifPresent(text -> values.addAll(Arrays.asList(LIST_SEPARATOR.split(text))));
            }
        });
        values.removeIf(String::isEmpty);
        return values;
    }

    /** The claim as one non-blank string. */
    public Optional<String> value(JsonObject claims) {
        return find(claims).flatMap(ClaimPath::text).filter(text -> !text.isEmpty());
    }

    private Optional<JsonValue> find(JsonObject claims) {
        if (claims.containsKey(path)) {
            return Optional.of(claims.get(path));
        }
        JsonValue current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof JsonObject object) || !object.containsKey(step)) {
                return Optional.empty();
            }
            current = object.get(step);
        }
        return Optional.of(current);
    }

    private static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString string) {
            return Optional.of(string.getString().strip());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.toString());
        }
        return Optional.empty();
    }
}
