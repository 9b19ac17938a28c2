package dev.lastmile.reports.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a label's barcodes as black-and-white PNGs sized for a frame on the label. Pixels are
 * {@value #DOTS_PER_INCH} per inch, so the bars fall on whole pixels when the PDF goes to a
 * 300 dpi label printer instead of being resampled.
 */
final class LabelBarcodes {

    static final int DOTS_PER_INCH = 300;

    // ISO/IEC 15417 asks for a quiet zone of 10 modules on each side of a Code 128 symbol;
    // ZXing splits this margin between both sides.
    private static final int CODE_128_MARGIN_MODULES = 20;
    // ISO/IEC 18004: 4 modules of quiet zone around a QR code.
    private static final int QR_MARGIN_MODULES = 4;

    private LabelBarcodes() {
    }

    static byte[] code128(String content, int widthPt, int heightPt) {
        return png(encode(content, BarcodeFormat.CODE_128, widthPt, heightPt,
                Map.of(EncodeHintType.MARGIN, CODE_128_MARGIN_MODULES)));
    }

    static byte[] qr(String content, int sizePt) {
        return png(encode(content, BarcodeFormat.QR_CODE, sizePt, sizePt,
                Map.of(EncodeHintType.MARGIN, QR_MARGIN_MODULES,
                        EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M)));
    }

    private static BitMatrix encode(String content, BarcodeFormat format, int widthPt, int heightPt,
            Map<EncodeHintType, ?> hints) {
        try {
            return new MultiFormatWriter().encode(content, format, dots(widthPt), dots(heightPt), hints);
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode '" + content + "' as " + format, e);
        }
    }

    private static int dots(int points) {
        return points * DOTS_PER_INCH / 72;
    }

    private static byte[] png(BitMatrix matrix) {
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
