package dev.lastmile.orders.intake.control.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UploadReportTest {

    @Test
    void quotesOnlyFieldsWithCommasQuotesOrLineBreaks() {
        String report = UploadReport.write(List.of(
                ReportRow.created(2, "ORD-1", "003506000000000018"),
                ReportRow.existing(3, "ORD-2", "003506000000000025"),
                ReportRow.rejected(4, "ORD \"3\", urgent", "weight_kg", "'1,5' is not a number\nuse a point")));

        assertEquals("line,shipper_reference,outcome,tracking_id,field,message\r\n"
                + "2,ORD-1,CREATED,003506000000000018,,\r\n"
                + "3,ORD-2,EXISTING,003506000000000025,,\r\n"
                + "4,\"ORD \"\"3\"\", urgent\",REJECTED,,weight_kg,\"'1,5' is not a number\nuse a point\"\r\n", report);
    }

    @Test
    void readsBackAsTheSameFieldsWithTheUploadDialect() {
        RowError error = new RowError(7, "A,\"B\"", null, "has 3 fields where the header has 10");

        CsvRecords records = new CsvRecords(UploadReport.write(List.of(ReportRow.rejected(error))));
        records.next();

        assertEquals(List.of("7", "A,\"B\"", "REJECTED", "", "", "has 3 fields where the header has 10"),
                records.next().fields());
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String report = UploadReport.write(List.of(
                ReportRow.rejected(2, "=HYPERLINK(\"http://evil.example\",\"Open\")", "weight_kg", "+1 kg"),
                ReportRow.rejected(3, "@SUM(A1:A9)", "-x", "\tcmd"),
                ReportRow.rejected(4, "\r=1+1", null, "must not be empty")));

        assertEquals(UploadReport.HEADER + "\r\n"
                + "2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\",REJECTED,,weight_kg,'+1 kg\r\n"
                + "3,'@SUM(A1:A9),REJECTED,,'-x,'\tcmd\r\n"
                + "4,\"'\r=1+1\",REJECTED,,,must not be empty\r\n", report);
    }

    @Test
    void aQuotedFormulaReadsBackWithItsLeadingQuote() {
        CsvRecords records = new CsvRecords(UploadReport.write(List.of(
                ReportRow.created(2, "=1+1,2", "003506000000000018"))));
        records.next();

        assertEquals(List.of("2", "'=1+1,2", "CREATED", "003506000000000018", "", ""), records.next().fields());
    }

    @Test
    void writesTheHeaderAloneForAnEmptyReport() {
        assertEquals(UploadReport.HEADER + "\r\n", UploadReport.write(List.of()));
    }
}
