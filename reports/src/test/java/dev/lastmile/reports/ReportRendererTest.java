package dev.lastmile.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    @Test
    void dailyDeliveriesListsEveryDeliveredParcelAndTheirCount() throws Exception {
        byte[] pdf = ReportRenderer.pdf(ReportTemplate.DAILY_DELIVERIES,
                Map.of("depotCode", "LON1", "depotName", "Park Royal", "day", "2026-12-01", "generatedAt", "now"),
                List.of(Map.of("trackingId", "050600000000000427", "recipient", "Ada Lovelace",
                                "address", "12 Baker Street, NW1 6XE", "receivedBy", "Ada", "deliveredAt", "10:02"),
                        Map.of("trackingId", "050600000000000434", "recipient", "Alan Turing",
                                "address", "2 Bletchley Road", "receivedBy", "Neighbour", "deliveredAt", "11:15")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("050600000000000427"), text);
            assertTrue(text.contains("Alan Turing"), text);
            assertTrue(text.contains("Parcels delivered: 2"), text);
        }
    }
}
