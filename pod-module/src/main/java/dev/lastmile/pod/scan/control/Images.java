package dev.lastmile.pod.scan.control;

import dev.lastmile.model.problem.InvalidRequest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Evidence images as handhelds send them (base64): checked by their content, not by what the
 * client says they are, and bounded in size so one upload cannot exhaust the server.
 */
public final class Images {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    static final int MAX_SIGNATURE_BYTES = 512 * 1024;
    static final int MAX_PHOTO_BYTES = 4 * 1024 * 1024;

    private Images() {
    }

    public static byte[] png(String field, String base64) {
        return checked(field, decode(field, base64), PNG_MAGIC, "PNG", MAX_SIGNATURE_BYTES);
    }

    public static byte[] jpeg(String field, String base64) {
        return checked(field, decode(field, base64), JPEG_MAGIC, "JPEG", MAX_PHOTO_BYTES);
    }

    /** A JPEG sent as it is (a photo that follows its delivery), not base64 in JSON. */
    public static byte[] jpegBytes(String field, byte[] bytes) {
        return checked(field, bytes, JPEG_MAGIC, "JPEG", MAX_PHOTO_BYTES);
    }

    private static byte[] checked(String field, byte[] bytes, byte[] magic, String kind, int maxBytes) {
        if (bytes.length < magic.length || !Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
            throw new InvalidRequest(field, "is not a " + kind + " image");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidRequest(field, "is larger than " + maxBytes / 1024 + " KiB");
        }
        return bytes;
    }

    private static byte[] decode(String field, String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "is not base64");
        }
    }
}
