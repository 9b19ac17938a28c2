package dev.lastmile.model.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one way Lastmile makes and keeps machine credentials (API keys, device tokens, partner secrets, CSRF
 * tokens, generated passwords): random bytes, URL-safe; and for those it must recognise later, only their
 * SHA-256, so a stolen table lets nobody in. High-entropy values need no slow hash; people's passwords do
 * (see the access module's PasswordHashing).
 */
public final class Credential {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Credential() {
    }

    /** A fresh secret of this many random bytes, base64url without padding. */
    public static String newSecret(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** What is stored of a secret: its SHA-256, in hex. */
    public static String hashOf(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
