package dev.lastmile.model.access;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A key the carrier configures (link signing, token signing). There is no built-in default: a server
 * with a missing, short or well-known secret refuses to start, so no installation runs on a value
 * published in this repository.
 */
public final class Secret {

    public static final int MIN_BYTES = 32;
    private static final Set<String> KNOWN_DEFAULTS = Set.of("change-me-in-production", "changeit", "secret", "password");

    private Secret() {
    }

    /** The secret's bytes, or an exception that names the setting (never the value). */
    public static byte[] require(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + setting + " (at least " + MIN_BYTES
                    + " characters, random; the run command generates one per data directory).");
        }
        String trimmed = value.trim();
        if (KNOWN_DEFAULTS.contains(trimmed.toLowerCase()) || trimmed.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalStateException(setting + " is a development default or shorter than " + MIN_BYTES
                    + " characters: set a random value of your own.");
        }
        return trimmed.getBytes(StandardCharsets.UTF_8);
    }
}
