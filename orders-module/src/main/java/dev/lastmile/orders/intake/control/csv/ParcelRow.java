package dev.lastmile.orders.intake.control.csv;

import static dev.lastmile.orders.intake.control.csv.ParcelColumn.ADDRESS_LINE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.CONTACTLESS;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.COUNTRY;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.DECLARED_VALUE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.DELIVERY_DATE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.INSTRUCTIONS;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.LATITUDE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.LOCKER;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.LONGITUDE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.NEIGHBOUR;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.POSTCODE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.RECIPIENT_EMAIL;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.RECIPIENT_NAME;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.RECIPIENT_LANGUAGE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.RECIPIENT_PHONE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.SAFE_PLACE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.SHIPPER_REFERENCE;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.SLOT_FROM;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.SLOT_TO;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.TOWN;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.VOLUME_LITRES;
import static dev.lastmile.orders.intake.control.csv.ParcelColumn.WEIGHT_KG;

import dev.lastmile.orders.intake.boundary.ParcelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One data row of a parcel file read into a {@link ParcelRequest}. Only what the request's types demand is
 * checked here (the shape of the row, numbers, yes/no); postcodes, dates and the like stay text for
 * {@code ParcelRegistration.from}, so a CSV row and a JSON request are judged by the same rules.
 */
final class ParcelRow {

    /** Plain decimals only: Double.valueOf would also take "NaN", "1e3", "0x1p3" and "1.5d". */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final int SHOWN_CHARACTERS = 20;
    private static final ParcelRequest.PreferencesPart NO_PREFERENCES =
            new ParcelRequest.PreferencesPart(null, null, null, null, null);

    private final CsvHeader header;
    private final CsvRecord record;
    private final List<RowError> errors = new ArrayList<>();
    private final ParcelRequest request;

    ParcelRow(CsvHeader header, CsvRecord record) {
        this.header = header;
        this.record = record;
        if (record.malformed()) {
            errors.add(new RowError(record.line(), null, header.nameAt(record.fields().size()), record.defect()));
            request = null;
        } else if (record.fields().size() != header.width()) {
            errors.add(new RowError(record.line(), null, null,
                    "has " + record.fields().size() + " fields where the header has " + header.width()));
            request = null;
        } else {
            request = request();
        }
    }

    List<RowError> errors() {
        return List.copyOf(errors);
    }

    ParsedRow parsed() {
        if (!errors.isEmpty()) {
            throw new IllegalStateException("row on line " + record.line() + " was rejected");
        }
        return new ParsedRow(record.line(), request);
    }

    private ParcelRequest request() {
        return new ParcelRequest(text(SHIPPER_REFERENCE),
                new ParcelRequest.RecipientPart(text(RECIPIENT_NAME), text(RECIPIENT_EMAIL), text(RECIPIENT_PHONE),
                        text(RECIPIENT_LANGUAGE)),
                new ParcelRequest.AddressPart(text(ADDRESS_LINE), text(TOWN), text(POSTCODE), text(COUNTRY),
                        number(LATITUDE), number(LONGITUDE)),
                number(WEIGHT_KG), number(VOLUME_LITRES), text(DELIVERY_DATE), slot(), number(DECLARED_VALUE), preferences());
    }

    /** No slot at all is "any time that day"; half a slot is left for validation to refuse. */
    private ParcelRequest.SlotPart slot() {
        String from = text(SLOT_FROM);
        String to = text(SLOT_TO);
        return from == null && to == null ? null : new ParcelRequest.SlotPart(from, to);
    }

    private ParcelRequest.PreferencesPart preferences() {
        ParcelRequest.PreferencesPart wishes = new ParcelRequest.PreferencesPart(text(INSTRUCTIONS),
                text(SAFE_PLACE), text(NEIGHBOUR), text(LOCKER), yesOrNo(CONTACTLESS));
        return wishes.equals(NO_PREFERENCES) ? null : wishes;
    }

    private String text(ParcelColumn column) {
        return header.cell(record, column);
    }

    private Double number(ParcelColumn column) {
        String cell = text(column);
        if (cell == null) {
            return null;
        }
        if (!DECIMAL.matcher(cell).matches()) {
            reject(column, shown(cell) + " is not a number; write numbers like 1.5, with a point for decimals");
            return null;
        }
        Double number = Double.valueOf(cell);
        if (number.isInfinite()) {
            reject(column, shown(cell) + " is too large a number");
            return null;
        }
        return number;
    }

    private Boolean yesOrNo(ParcelColumn column) {
        String cell = text(column);
        if (cell == null) {
            return null;
        }
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> {
                reject(column, shown(cell) + " is not one of true, false, yes, no or empty");
                yield null;
            }
        };
    }

    private void reject(ParcelColumn column, String message) {
        errors.add(new RowError(record.line(), text(SHIPPER_REFERENCE), column.header(), message));
    }

    private static String shown(String cell) {
        return "'" + (cell.length() > SHOWN_CHARACTERS ? cell.substring(0, SHOWN_CHARACTERS) + "..." : cell) + "'";
    }
}
