package dev.lastmile.pod.device.control;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Pairing codes are read off a screen and typed with gloves on: eight characters of an alphabet without
 * look-alikes (no 0/O, 1/I/L), shown as two groups of four: 31^8, nearly 2^40 codes, each living 15 minutes.
 */
final class PairingCode {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 8;

    private PairingCode() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What the driver typed, as it was issued: case and separators do not matter. */
    static String normalise(String typed) {
        String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return plain.length() == LENGTH ? plain.substring(0, LENGTH / 2) + "-" + plain.substring(LENGTH / 2) : plain;
    }
}
