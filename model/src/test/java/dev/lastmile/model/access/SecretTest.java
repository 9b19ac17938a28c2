package dev.lastmile.model.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void aMissingSecretStopsTheStartNamingTheSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Secret.require("lastmile.x", null));
        assertTrue(refused.getMessage().contains("lastmile.x"));
        assertThrows(IllegalStateException.class, () -> Secret.require("lastmile.x", "   "));
    }

    @Test
    void theOldDevelopmentDefaultAndShortSecretsAreRefusedWithoutShowingThem() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Secret.require("lastmile.links.secret", "change-me-in-production"));
        assertFalse(refused.getMessage().contains("change-me-in-production"));
        assertThrows(IllegalStateException.class, () -> Secret.require("lastmile.x", "a".repeat(Secret.MIN_BYTES - 1)));
    }

    @Test
    void aLongRandomSecretIsTakenAsItsBytes() {
        String secret = "k3J9x0Qm2LrT8vB5nW1yZ7cF4hD6sG0aE";
        assertArrayEquals(secret.getBytes(StandardCharsets.UTF_8), Secret.require("lastmile.x", " " + secret + " "));
    }
}
