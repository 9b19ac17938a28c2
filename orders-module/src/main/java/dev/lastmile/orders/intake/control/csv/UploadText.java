package dev.lastmile.orders.intake.control.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file, decoded strictly as UTF-8. A lenient decoder would turn the Latin-1 accents of
 * a spreadsheet export into U+FFFD and print them on labels; refusing the file makes the shipper re-save it.
 */
final class UploadText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private UploadText() {
    }

    static String decode(InputStream upload) {
        byte[] bytes = readAll(upload);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more chars than it has bytes, so one buffer holds the whole text.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new MalformedUpload("file", "is not UTF-8 near line " + lineAt(bytes, offset) + " (byte offset "
                    + offset + "); save it as \"CSV UTF-8\" and upload it again");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Counts LF bytes: in UTF-8 byte 0x0A is always a line feed, never part of another character. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static byte[] readAll(InputStream upload) {
        try {
            return upload.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
    }
}
