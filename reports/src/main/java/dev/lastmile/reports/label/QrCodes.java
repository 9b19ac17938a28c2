package dev.lastmile.reports.label;

/** QR codes for screens (a handheld's pairing code), drawn the same way as on labels. */
public final class QrCodes {

    private QrCodes() {
    }

    /** A black-and-white PNG about {@code sizePt} points square at 300 dpi, with the standard quiet zone. */
    public static byte[] png(String content, int sizePt) {
        return LabelBarcodes.qr(content, sizePt);
    }
}
