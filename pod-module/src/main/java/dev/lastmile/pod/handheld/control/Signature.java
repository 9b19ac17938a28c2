package dev.lastmile.pod.handheld.control;

import dev.lastmile.model.problem.InvalidRequest;
import java.util.Arrays;
import java.util.Base64;

/** A recipient's signature as drawn on the handheld: a PNG image, checked by its content, not its name. */
public record Signature(byte[] png) {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_BYTES = 512 * 1024;

    public Signature {
        if (png.length < PNG_MAGIC.length || !Arrays.equals(Arrays.copyOf(png, PNG_MAGIC.length), PNG_MAGIC)) {
            throw new InvalidRequest("signaturePng", "is not a PNG image");
        }
        if (png.length > MAX_BYTES) {
            throw new InvalidRequest("signaturePng", "is larger than " + MAX_BYTES / 1024 + " KiB");
        }
    }

    public static Signature fromBase64(String text) {
        try {
            return new Signature(Base64.getMimeDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("signaturePng", "is not base64");
        }
    }
}
