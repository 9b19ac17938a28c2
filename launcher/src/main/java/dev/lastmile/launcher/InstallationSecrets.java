package dev.lastmile.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The keys of this installation (self-service link signing, token signing), generated once per data
 * directory and kept in it, readable by its owner only. The application has no defaults of its own.
 */
final class InstallationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] KEYS = {"LASTMILE_LINKS_SECRET", "LASTMILE_TOKENS_SECRET"};

    private InstallationSecrets() {
    }

    static Map<String, String> of(Path dataDirectory) {
        Path file = dataDirectory.resolve("secrets.properties");
        Properties secrets = new Properties();
        try {
            Files.createDirectories(dataDirectory);
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    secrets.load(reader);
                }
            }
            boolean added = false;
            for (String key : KEYS) {
                if (secrets.getProperty(key, "").isBlank()) {
                    secrets.setProperty(key, random(32));
                    added = true;
                }
            }
            if (added) {
                try (var writer = Files.newBufferedWriter(file)) {
                    secrets.store(writer, "keys of this installation: keep them secret, the same on every instance");
                }
                ownerOnly(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(KEYS[0], secrets.getProperty(KEYS[0]), KEYS[1], secrets.getProperty(KEYS[1]));
    }

    /** A password for a generated account: 18 random bytes. */
    static String password() {
        return random(18);
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }
}
