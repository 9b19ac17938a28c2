package dev.lastmile.reports.label;

import static dev.lastmile.reports.label.ParcelLabelBuilder.aLabel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LabelPrinterTest {

    @Test
    void labelIsOneFourBySixInchPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(LabelPrinter.pdf(aLabel().build()))) {
            assertEquals(1, pdf.getNumberOfPages());
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertEquals(288, page.getWidth(), 0.01);
            assertEquals(432, page.getHeight(), 0.01);
        }
    }

    @Test
    void plannedLabelShowsRecipientSortCodeSlotWeightAndPin() throws IOException {
        String text = text(LabelPrinter.pdf(aLabel().to("Grace Hopper", "EC1A 1BB").highValue().build()));
        assertTrue(text.contains("050600000000000429"), text);
        assertTrue(text.contains("FROM  Northwind Books"), text);
        assertTrue(text.contains("Grace Hopper"), text);
        assertTrue(text.contains("EC1A 1BB"), text);
        assertTrue(text.contains("LON1 · R03 · 12"), text);
        assertTrue(text.contains("Deliver 2026-12-01 · 10:00-12:00"), text);
        assertTrue(text.contains("2.40 kg"), text);
        assertTrue(text.contains("PIN required"), text);
    }

    @Test
    void unplannedLabelSaysSoAndOrdinaryParcelNeedsNoPin() throws IOException {
        String text = text(LabelPrinter.pdf(aLabel().unplanned().withoutSlot().build()));
        assertTrue(text.contains("LON1 · UNPLANNED"), text);
        assertFalse(text.contains("R03"), text);
        assertTrue(text.lines().anyMatch("Deliver 2026-12-01"::equals), text);
        assertFalse(text.contains("PIN required"), text);
    }

    @Test
    void scannersReadTheTrackingIdFromTheCode128AndTheQrCode() throws IOException {
        BinaryBitmap page = renderedAt300Dpi(LabelPrinter.pdf(aLabel().tracking("050600000000000436").build()));
        assertEquals("050600000000000436", read(page, BarcodeFormat.CODE_128));
        assertEquals("050600000000000436", read(page, BarcodeFormat.QR_CODE));
    }

    @Test
    void batchPrintsOnePagePerLabelInTheOrderGiven() throws IOException {
        List<String> ids = List.of("050600000000000429", "050600000000000436", "050600000000000443");
        byte[] pdf = LabelPrinter.pdf(ids.stream().map(id -> aLabel().tracking(id).build()).toList());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(3, document.getNumberOfPages());
            for (int page = 1; page <= 3; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertTrue(text.contains(ids.get(page - 1)), "page " + page + ": " + text);
            }
        }
    }

    @Test
    void emptyBatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LabelPrinter.pdf(List.of()));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static BinaryBitmap renderedAt300Dpi(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        }
    }

    // One format at a time over the whole page: ZXing's multiple-barcode reader drops a second
    // barcode whose text equals one already found, and both of ours carry the tracking id.
    private static String read(BinaryBitmap page, BarcodeFormat format) {
        try {
            return new MultiFormatReader().decode(page, Map.of(DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(format)))
                    .getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no " + format + " found on the label", e);
        }
    }
}
