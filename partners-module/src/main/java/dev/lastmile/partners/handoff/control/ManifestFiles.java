package dev.lastmile.partners.handoff.control;

import dev.lastmile.model.export.SpreadsheetCell;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.reports.ReportRenderer;
import dev.lastmile.reports.ReportTemplate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A partner's manifest as a file: CSV for its systems, PDF (Jasper) for its depot. */
public final class ManifestFiles {

    private static final List<String> COLUMNS = List.of("trackingId", "state", "service", "weightKg", "postcode", "town",
            "country", "offeredAt", "price", "partnerReference", "recipientName", "recipientPhone", "addressLine",
            "latitude", "longitude", "instructions", "safePlace", "neighbour");

    private ManifestFiles() {
    }

    public static String csv(List<ManifestLine> lines) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (ManifestLine l : lines) {
            List<Object> cells = Arrays.asList(l.trackingId(), l.state(), l.service(), l.weightKg(), l.postcode(),
                    l.town(), l.country(), l.offeredAt(), l.price(), l.partnerReference(), l.recipientName(),
                    l.recipientPhone(), l.addressLine(), l.latitude(), l.longitude(), l.instructions(), l.safePlace(),
                    l.neighbour());
            for (int i = 0; i < cells.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    public static byte[] pdf(String carrierName, Partner partner, LocalDate day, List<ManifestLine> lines) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("carrierName", carrierName);
        parameters.put("partnerCode", partner.code());
        parameters.put("partnerName", partner.name());
        parameters.put("day", day.toString());
        parameters.put("generatedAt", Instant.now().toString());
        parameters.put("parcelCount", lines.size());
        parameters.put("acceptedCount", (int) lines.stream().filter(l -> !"OFFERED".equals(l.state())).count());
        List<Map<String, ?>> rows = lines.stream().<Map<String, ?>>map(l -> {
            Map<String, Object> row = new HashMap<>();
            row.put("trackingId", l.trackingId());
            row.put("state", l.state());
            row.put("recipientName", l.recipientName());
            row.put("addressLine", l.addressLine());
            row.put("postcode", l.postcode());
            row.put("town", l.town());
            row.put("country", l.country());
            row.put("weightKg", l.weightKg());
            row.put("service", l.service());
            row.put("partnerReference", l.partnerReference());
            return row;
        }).toList();
        return ReportRenderer.pdf(ReportTemplate.PARTNER_MANIFEST, parameters, rows);
    }

    /** Text cells neutralised for spreadsheets and quoted when they hold a separator, a quote or a line break. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = SpreadsheetCell.neutralise(value.toString());
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
