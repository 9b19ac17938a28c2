package dev.lastmile.orders.intake.control.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.problem.FieldError;
import dev.lastmile.orders.intake.boundary.ParcelRequest;
import dev.lastmile.orders.intake.control.ParcelRegistration;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParcelCsvReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String HEADER = aRow("ORD-1").header();

    private final ParcelCsvReader reader = new ParcelCsvReader(ParcelCsvReader.DEFAULT_MAX_ROWS);

    @Test
    void readsEachRowIntoTheRequestTheJsonApiTakes() {
        CsvUpload upload = read(HEADER, aRow("ORD-1").toString(), aRow("ORD-2").toString());

        assertEquals(List.of(2, 3), upload.parcels().stream().map(ParsedRow::line).toList());
        assertEquals(List.of(), upload.rejections());
        ParcelRequest expected = new ParcelRequest("ORD-1", new ParcelRequest.RecipientPart("Ada Lovelace", null, null, null),
                new ParcelRequest.AddressPart("12 Baker Street", "London", "NW1 6XE", "GB", 51.5237, -0.1585),
                1.5, null, "2026-11-26", null, null, null);
        assertEquals(expected, upload.parcels().get(0).request());
        ParcelRegistration registration = ParcelRegistration.from(upload.parcels().get(1).request(), TODAY);
        assertEquals("ORD-2", registration.shipperReference());
    }

    @Test
    void matchesColumnsByNameInAnyOrderAndCase() {
        CsvUpload upload = read(
                "Weight_KG,DELIVERY_DATE,country,postcode,town,address_line,recipient_name,recipient_email,slot_from,"
                        + "slot_to,declared_value,safe_place,contactless",
                "2,2026-11-26,GB,NW1 6XE,London,12 Baker Street,Ada,ada@example.org,09:00,12:00,300,porch,yes");

        ParcelRequest request = upload.parcels().get(0).request();
        assertEquals(2.0, request.weightKg());
        assertEquals("ada@example.org", request.recipient().email());
        assertEquals(new ParcelRequest.SlotPart("09:00", "12:00"), request.timeSlot());
        assertEquals(300.0, request.declaredValue());
        assertEquals(new ParcelRequest.PreferencesPart(null, "porch", null, null, true), request.preferences());
        assertNull(request.address().latitude());
    }

    @Test
    void readsEmptyCellsAsNullAndLeavesOutAnEmptySlotAndNoPreferences() {
        CsvUpload upload = read(HEADER + ",recipient_email,slot_from,slot_to,locker,contactless",
                aRow("").toString() + ", ,,,,");

        ParcelRequest request = upload.parcels().get(0).request();
        assertNull(request.shipperReference());
        assertNull(request.recipient().email());
        assertNull(request.timeSlot());
        assertNull(request.preferences());
    }

    @Test
    void leavesDatesAndPostcodesAsTextForValidation() {
        CsvUpload upload = read(HEADER, aRow("ORD-1").with("delivery_date", "next Tuesday")
                .with("postcode", "nowhere").toString());

        ParcelRequest request = upload.parcels().get(0).request();
        assertEquals("next Tuesday", request.deliveryDate());
        assertEquals("nowhere", request.address().postcode());
    }

    @Test
    void keepsCommasLineBreaksAndDoubledQuotesInsideQuotedFields() {
        CsvUpload upload = read(HEADER,
                aRow("ORD-1").with("address_line", "\"Flat 2, \"\"The Mews\"\"\n12 Baker Street\"").toString(),
                aRow("ORD-2").toString());

        assertEquals("Flat 2, \"The Mews\"\n12 Baker Street", upload.parcels().get(0).request().address().line());
        assertEquals(List.of(2, 4), upload.parcels().stream().map(ParsedRow::line).toList());
    }

    @Test
    void skipsALeadingByteOrderMark() {
        byte[] text = (HEADER + "\n" + aRow("ORD-1") + "\n").getBytes(UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        CsvUpload upload = reader.read(new ByteArrayInputStream(withBom));

        assertEquals("ORD-1", upload.parcels().get(0).request().shipperReference());
    }

    @Test
    void acceptsCrlfLineEndsAndATrailingEmptyLine() {
        String file = HEADER + "\r\n" + aRow("ORD-1") + "\r\n" + aRow("ORD-2") + "\r\n\r\n";

        CsvUpload upload = reader.read(new ByteArrayInputStream(file.getBytes(UTF_8)));

        assertEquals(List.of(), upload.rejections());
        assertEquals(List.of(2, 3), upload.parcels().stream().map(ParsedRow::line).toList());
        assertEquals("2026-11-26", upload.parcels().get(1).request().deliveryDate());
    }

    @Test
    void skipsBlankLinesAndSpreadsheetRowsOfEmptyCellsButCountsThemAsLines() {
        CsvUpload upload = read(HEADER, "", aRow("ORD-1").toString(), ",,,,,,,,,", "  ", aRow("ORD-2").toString(), ",,");

        assertEquals(List.of(), upload.rejections());
        assertEquals(List.of(3, 6), upload.parcels().stream().map(ParsedRow::line).toList());
    }

    @Test
    void refusesLatin1BytesAsNotUtf8NamingTheLine() {
        String file = String.join("\n", HEADER, aRow("ORD-1").toString(),
                aRow("ORD-2").with("recipient_name", "Ren\u00e9e Dupont").toString());

        MalformedUpload refused = assertThrows(MalformedUpload.class,
                () -> reader.read(new ByteArrayInputStream(file.getBytes(ISO_8859_1))));

        assertEquals("file", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains("not UTF-8 near line 3"), refused.getMessage());
    }

    @Test
    void refusesAHeaderWithoutRequiredColumnsNamingEach() {
        MalformedUpload refused = assertThrows(MalformedUpload.class,
                () -> read("shipper_reference,address_line,town,postcode,country,delivery_date"));

        assertEquals(List.of("recipient_name", "weight_kg"), refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void refusesUnknownAndDuplicateColumns() {
        MalformedUpload refused = assertThrows(MalformedUpload.class, () -> read(HEADER + ",colour,TOWN,"));

        assertEquals(List.of(new FieldError("colour", "is not a known column"),
                new FieldError("TOWN", "appears more than once"),
                new FieldError("header", "column 13 has no name")), refused.errors());
    }

    @Test
    void refusesAFileWithoutAHeader() {
        MalformedUpload refused = assertThrows(MalformedUpload.class, () -> read("", " "));

        assertTrue(refused.getMessage().contains("is empty"), refused.getMessage());
    }

    @Test
    void rejectsOnlyTheRowWithABadNumberAndNamesTheColumn() {
        CsvUpload upload = read(HEADER, aRow("ORD-1").toString(), aRow("ORD-2").with("weight_kg", "\"1,5\"").toString(),
                aRow("ORD-3").toString());

        assertEquals(List.of("ORD-1", "ORD-3"),
                upload.parcels().stream().map(row -> row.request().shipperReference()).toList());
        RowError error = upload.rejections().get(0);
        assertEquals(List.of(3, "ORD-2", "weight_kg"), List.of(error.line(), error.shipperReference(), error.column()));
        assertTrue(error.message().contains("'1,5' is not a number"), error.message());
    }

    /** Double.valueOf would take most of these; a digit string too long for a double would become infinity. */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e3", "0x1p3", "1.5d", "1.5 kg", "--1", "1,5"})
    void refusesWhatIsNotAPlainDecimalNumber(String latitude) {
        CsvUpload upload = read(HEADER, aRow("ORD-1").with("latitude", '"' + latitude + '"').toString());

        assertEquals(List.of(), upload.parcels());
        assertEquals("latitude", upload.rejections().get(0).column());
    }

    @Test
    void refusesANumberTooLargeForADouble() {
        CsvUpload upload = read(HEADER + ",declared_value", aRow("ORD-1") + "," + "9".repeat(400));

        assertEquals("declared_value", upload.rejections().get(0).column());
    }

    @Test
    void readsContactlessAsYesOrNoAndRejectsAnythingElse() {
        CsvUpload upload = read(HEADER + ",contactless", aRow("ORD-1") + ",No", aRow("ORD-2") + ",maybe");

        assertEquals(false, upload.parcels().get(0).request().preferences().contactless());
        assertEquals(List.of(3), upload.rejections().stream().map(RowError::line).toList());
        assertEquals("contactless", upload.rejections().get(0).column());
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() {
        CsvUpload upload = read(HEADER, aRow("ORD-1") + ",extra", aRow("ORD-2").toString());

        assertEquals(new RowError(2, null, null, "has 11 fields where the header has 10"), upload.rejections().get(0));
        assertEquals(1, upload.parcels().size());
    }

    @Test
    void rejectsAQuoteInsideAnUnquotedFieldAndReadsOnFromTheNextLine() {
        CsvUpload upload = read(HEADER, aRow("ORD-1").with("address_line", "12 \"Baker\" Street").toString(),
                aRow("ORD-2").toString());

        RowError error = upload.rejections().get(0);
        assertEquals(List.of(2, "address_line"), List.of(error.line(), error.column()));
        assertTrue(error.message().contains("quote inside an unquoted field"), error.message());
        assertEquals(List.of(3), upload.parcels().stream().map(ParsedRow::line).toList());
    }

    @Test
    void rejectsTheRowOfAnUnclosedQuoteAndKeepsTheRowsAfterIt() {
        CsvUpload upload = read(HEADER, aRow("ORD-1").with("address_line", "\"12 Baker Street").toString(),
                aRow("ORD-2").toString(), aRow("ORD-3").with("address_line", "\"Flat 2, The Mews\"").toString());

        RowError error = upload.rejections().get(0);
        assertEquals(List.of(2, "address_line"), List.of(error.line(), error.column()));
        assertTrue(error.message().contains("quote opened on line 2"), error.message());
        assertEquals(List.of("ORD-2", "ORD-3"),
                upload.parcels().stream().map(row -> row.request().shipperReference()).toList());
        assertEquals("Flat 2, The Mews", upload.parcels().get(1).request().address().line());
    }

    @Test
    void refusesTheFileWhenAnUnclosedQuoteRunsToItsEnd() {
        MalformedUpload refused = assertThrows(MalformedUpload.class, () -> read(HEADER, aRow("ORD-1").toString(),
                aRow("ORD-2").with("recipient_name", "\"Ada").toString(), aRow("ORD-3").toString()));

        assertTrue(refused.getMessage().contains("quote opened on line 3 is never closed"), refused.getMessage());
    }

    @Test
    void rejectsALoneCarriageReturn() {
        CsvUpload upload = read(HEADER, aRow("ORD-1") + "\r" + aRow("ORD-2"), aRow("ORD-3").toString());

        assertTrue(upload.rejections().get(0).message().contains("carriage return"));
        assertEquals(List.of(3), upload.parcels().stream().map(ParsedRow::line).toList());
    }

    @Test
    void refusesMoreRowsThanTheLimitButNotBlankLines() {
        ParcelCsvReader twoRows = new ParcelCsvReader(2);
        String two = String.join("\n", HEADER, aRow("ORD-1").toString(), "", aRow("ORD-2").toString(), "");
        String three = two + aRow("ORD-3");

        assertEquals(2, twoRows.read(new ByteArrayInputStream(two.getBytes(UTF_8))).parcels().size());
        MalformedUpload refused = assertThrows(MalformedUpload.class,
                () -> twoRows.read(new ByteArrayInputStream(three.getBytes(UTF_8))));
        assertTrue(refused.getMessage().contains("at most 2 rows"), refused.getMessage());
    }

    private CsvUpload read(String... lines) {
        return reader.read(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(UTF_8)));
    }

    private static RowBuilder aRow(String shipperReference) {
        return new RowBuilder(shipperReference);
    }

    /** A row that passes registration, one cell per required column plus reference and coordinates. */
    private static final class RowBuilder {

        private final Map<String, String> cells = new LinkedHashMap<>();

        RowBuilder(String shipperReference) {
            cells.put("shipper_reference", shipperReference);
            cells.put("recipient_name", "Ada Lovelace");
            cells.put("address_line", "12 Baker Street");
            cells.put("town", "London");
            cells.put("postcode", "NW1 6XE");
            cells.put("country", "GB");
            cells.put("latitude", "51.5237");
            cells.put("longitude", "-0.1585");
            cells.put("weight_kg", "1.5");
            cells.put("delivery_date", "2026-11-26");
        }

        /** Replaces a cell by text as it stands in the file, quotes included. */
        RowBuilder with(String column, String cell) {
            cells.replace(column, cell);
            return this;
        }

        String header() {
            return String.join(",", cells.keySet());
        }

        @Override
        public String toString() {
            return String.join(",", cells.values());
        }
    }
}
