package dev.lastmile.orders.intake.control.csv;

import dev.lastmile.model.export.SpreadsheetCell;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The downloadable report of an upload, one CSV line per report row, in the dialect uploads are read in. Cells
 * echo what the shipper uploaded, so each is neutralised before it is quoted: the report is opened in a
 * spreadsheet, where {@code =HYPERLINK(...)} in a shipper reference would otherwise run.
 */
public final class UploadReport {

    public static final String HEADER = "line,shipper_reference,outcome,tracking_id,field,message";

    /** RFC 4180 ends records with CRLF, which is also what spreadsheets on every platform read. */
    private static final String LINE_END = "\r\n";

    private UploadReport() {
    }

    public static String write(List<ReportRow> rows) {
        StringBuilder report = new StringBuilder(HEADER).append(LINE_END);
        for (ReportRow row : rows) {
            report.append(Stream.of(String.valueOf(row.line()), row.shipperReference(), row.outcome().name(),
                    row.trackingId(), row.field(), row.message())
                    .map(SpreadsheetCell::neutralise).map(UploadReport::field)
                    .collect(Collectors.joining(","))).append(LINE_END);
        }
        return report.toString();
    }

    /** Quoted only when it must be, so that plain values stay readable in a text editor too. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
