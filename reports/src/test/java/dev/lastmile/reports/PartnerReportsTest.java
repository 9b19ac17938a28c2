package dev.lastmile.reports;

import static dev.lastmile.reports.PartnerReportsTest.ManifestLine.aManifestLine;
import static dev.lastmile.reports.PartnerReportsTest.SettlementLine.aSettlementLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PartnerReportsTest {

    private static final String ACCEPTED = "050600000000000427";
    private static final String OFFERED = "050600000000000434";
    private static final String DELIVERED = "050600000000000441";

    @Test
    void manifestListsEveryParcelOfThePartnersDayAndItsCounts() throws IOException {
        byte[] pdf = ReportRenderer.pdf(ReportTemplate.PARTNER_MANIFEST, manifestOf(3, 2), List.of(
                aManifestLine(ACCEPTED).acceptedAs("DPX-778120", "Ada Lovelace", "12 Baker Street").weighing(12.34)
                        .build(),
                aManifestLine(OFFERED).to("EC1A 1BB", "London").build(),
                aManifestLine(DELIVERED).acceptedAs("DPX-778121", "Alan Turing", "2 Bletchley Road")
                        .inState("DELIVERED").to("MK3 6EB", "Milton Keynes").build()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertPage(595, 842, document);
            String text = text(document);
            assertTrue(text.contains("Partner manifest"), text);
            assertTrue(text.contains("Docklands Express (DPX), day 2026-12-03"), text);
            assertTrue(text.contains(ACCEPTED), text);
            assertTrue(text.contains(OFFERED), text);
            assertTrue(text.contains(DELIVERED), text);
            assertTrue(text.contains("Ada Lovelace"), text);
            assertTrue(text.contains("12 Baker Street"), text);
            assertTrue(text.contains("NW1 6XE London, GB"), text);
            assertTrue(text.contains("DPX-778121"), text);
            assertTrue(hasNumber(text, "12.3"), "weight to one decimal: " + text);
            assertTrue(text.contains("3 parcels, 2 accepted"), text);
        }
    }

    @Test
    void manifestShowsADashWhereAnOfferedParcelHasNoRecipientAddressOrReferenceYet() throws IOException {
        byte[] pdf = ReportRenderer.pdf(ReportTemplate.PARTNER_MANIFEST, manifestOf(1, 0),
                List.of(aManifestLine(OFFERED).to("EC1A 1BB", "London").build()));
        String text = text(pdf);
        String line = lineStartingWith(OFFERED, text);
        assertTrue(line.contains("OFFERED"), line);
        assertEquals(3, line.chars().filter(c -> c == '\u2013').count(), "recipient, street, partner ref: " + line);
        assertTrue(text.contains("EC1A 1BB London, GB"), text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void longManifestRepeatsTheColumnHeaderAndNumbersItsPages() throws IOException {
        List<Map<String, ?>> rows = IntStream.range(0, 120)
                .<Map<String, ?>>mapToObj(i -> aManifestLine(String.format("0506%014d", 1000 + i)).build())
                .toList();
        try (PDDocument document = Loader.loadPDF(ReportRenderer.pdf(ReportTemplate.PARTNER_MANIFEST,
                manifestOf(120, 0), rows))) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 1, "pages: " + pages);
            String all = text(document);
            assertTrue(all.contains("050600000000001000"), all);
            assertTrue(all.contains("050600000000001119"), all);
            assertTrue(all.contains("120 parcels, 0 accepted"), all);
            String second = text(document, 2);
            assertTrue(second.contains("Tracking id"), second);
            assertTrue(Pattern.compile("Page 2 of\\s*" + pages + "\\b").matcher(second).find(), second);
        }
    }

    @Test
    void settlementShowsThePartnersPerformanceEveryParcelAndTheTotalOwed() throws IOException {
        byte[] pdf = ReportRenderer.pdf(ReportTemplate.PARTNER_SETTLEMENT, settlementOf(new BigDecimal("12")), List.of(
                aSettlementLine(ACCEPTED).priced("3.20", "0.80").deliveredAt("2026-12-03 11:05", true).build(),
                aSettlementLine(DELIVERED).weighing(7.25).priced("3.20", "1.60").deliveredAt("2026-12-04 18:40", false)
                        .build(),
                aSettlementLine(OFFERED).priced("3.20", "0").build()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertPage(842, 595, document);
            String text = text(document);
            assertTrue(text.contains("Partner settlement"), text);
            assertTrue(text.contains("Docklands Express (DPX), month 2026-12"), text);
            assertTrue(text.contains(ACCEPTED), text);
            assertTrue(text.contains(DELIVERED), text);
            assertTrue(text.contains(OFFERED), text);
            assertTrue(text.contains("50.0%"), "on time: " + text);
            assertTrue(text.contains("66.7%"), "first attempt: " + text);
            assertTrue(text.contains("100.0%"), "proofs complete: " + text);
            assertTrue(hasNumber(lineStartingWith(DELIVERED, text), "7.3"), "weight to one decimal: " + text);
            assertTrue(hasNumber(text, "4.80"), "amount of a parcel: " + text);
            assertTrue(text.contains("Total EUR 12.00"), text);
        }
    }

    @Test
    void settlementShowsADashForAParcelNotDeliveredYet() throws IOException {
        byte[] pdf = ReportRenderer.pdf(ReportTemplate.PARTNER_SETTLEMENT, settlementOf(new BigDecimal("3.20")),
                List.of(aSettlementLine(OFFERED).priced("3.20", "0").build()));
        String text = text(pdf);
        String line = lineStartingWith(OFFERED, text);
        assertEquals(2, line.chars().filter(c -> c == '\u2013').count(), "delivered at, on time: " + line);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void settlementShowsADashForFiguresNotKnown() throws IOException {
        Map<String, Object> figures = settlementOf(null);
        figures.put("onTimePercent", null);
        figures.put("refusals", null);
        String text = text(ReportRenderer.pdf(ReportTemplate.PARTNER_SETTLEMENT, figures, List.of()));
        String figuresLine = text.lines().filter(line -> line.contains("66.7%")).findFirst().orElseThrow(
                () -> new AssertionError("no performance figures: " + text));
        assertEquals(2, figuresLine.chars().filter(c -> c == '\u2013').count(), "on time, refusals: " + figuresLine);
        assertTrue(text.contains("Total EUR \u2013"), text);
        assertFalse(text.contains("null"), text);
    }

    private static Map<String, Object> manifestOf(int parcels, int accepted) {
        Map<String, Object> parameters = partner();
        parameters.put("day", "2026-12-03");
        parameters.put("parcelCount", parcels);
        parameters.put("acceptedCount", accepted);
        return parameters;
    }

    /** A month of three parcels: two delivered at the first attempt with proof, one of them on time; one refused. */
    private static Map<String, Object> settlementOf(BigDecimal total) {
        Map<String, Object> parameters = partner();
        parameters.put("month", "2026-12");
        parameters.put("currency", "EUR");
        parameters.put("parcels", 3);
        parameters.put("delivered", 2);
        parameters.put("onTimePercent", 50.0);
        parameters.put("firstAttemptPercent", 200.0 / 3);
        parameters.put("proofsCompletePercent", 100.0);
        parameters.put("refusals", 1);
        parameters.put("totalAmount", total);
        return parameters;
    }

    private static Map<String, Object> partner() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("carrierName", "Lastmile");
        parameters.put("partnerCode", "DPX");
        parameters.put("partnerName", "Docklands Express");
        parameters.put("generatedAt", "2026-12-03 06:00");
        return parameters;
    }

    // JasperReports writes a landscape page as a portrait one that the viewer turns (/Rotate 90).
    private static void assertPage(float width, float height, PDDocument document) {
        PDPage page = document.getPage(0);
        PDRectangle box = page.getMediaBox();
        boolean turned = page.getRotation() % 180 != 0;
        assertEquals(width, turned ? box.getHeight() : box.getWidth(), 0.01, "width");
        assertEquals(height, turned ? box.getWidth() : box.getHeight(), 0.01, "height");
    }

    /** The number as printed, not as part of a longer one ("12.3" is not in "12.34" or "112.3"). */
    private static boolean hasNumber(String text, String number) {
        return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])").matcher(text).find();
    }

    private static String lineStartingWith(String trackingId, String text) {
        return text.lines().filter(line -> line.startsWith(trackingId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + trackingId + ": " + text));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document);
        }
    }

    private static String text(PDDocument document) throws IOException {
        return stripper().getText(document);
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = stripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    // By position, so that a table row reads as one line even though its cells are drawn one after another.
    private static PDFTextStripper stripper() {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper;
    }

    /** A parcel offered to the partner: it knows postcode, town and weight only, unless told otherwise. */
    static final class ManifestLine {

        private final Map<String, Object> row = new HashMap<>();

        private ManifestLine(String trackingId) {
            row.put("trackingId", trackingId);
            row.put("state", "OFFERED");
            row.put("recipientName", null);
            row.put("addressLine", null);
            row.put("postcode", "NW1 6XE");
            row.put("town", "London");
            row.put("country", "GB");
            row.put("weightKg", 1.2);
            row.put("service", "NEXT_DAY");
            row.put("partnerReference", null);
        }

        static ManifestLine aManifestLine(String trackingId) {
            return new ManifestLine(trackingId);
        }

        ManifestLine acceptedAs(String partnerReference, String recipientName, String addressLine) {
            row.put("state", "ACCEPTED");
            row.put("partnerReference", partnerReference);
            row.put("recipientName", recipientName);
            row.put("addressLine", addressLine);
            return this;
        }

        ManifestLine inState(String state) {
            row.put("state", state);
            return this;
        }

        ManifestLine to(String postcode, String town) {
            row.put("postcode", postcode);
            row.put("town", town);
            return this;
        }

        ManifestLine weighing(double kg) {
            row.put("weightKg", kg);
            return this;
        }

        Map<String, ?> build() {
            return new HashMap<>(row);
        }
    }

    /** A parcel the partner accepted on 2026-12-03 and has not delivered yet, unless told otherwise. */
    static final class SettlementLine {

        private final Map<String, Object> row = new HashMap<>();

        private SettlementLine(String trackingId) {
            row.put("trackingId", trackingId);
            row.put("acceptedAt", "2026-12-03 07:40");
            row.put("deliveredAt", null);
            row.put("onTime", null);
            row.put("weightKg", 1.5);
            priced("3.20", "0");
        }

        static SettlementLine aSettlementLine(String trackingId) {
            return new SettlementLine(trackingId);
        }

        SettlementLine deliveredAt(String at, boolean onTime) {
            row.put("deliveredAt", at);
            row.put("onTime", onTime);
            return this;
        }

        SettlementLine weighing(double kg) {
            row.put("weightKg", kg);
            return this;
        }

        SettlementLine priced(String basePrice, String surcharge) {
            BigDecimal base = new BigDecimal(basePrice);
            BigDecimal extra = new BigDecimal(surcharge);
            row.put("basePrice", base);
            row.put("surcharge", extra);
            row.put("amount", base.add(extra));
            return this;
        }

        Map<String, ?> build() {
            return new HashMap<>(row);
        }
    }
}
