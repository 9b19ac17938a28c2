package dev.lastmile.orders.intake.control.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line   the 1-based physical line where the record starts
 * @param fields the fields as written; for a malformed record, those read before the fault
 * @param defect why the record could not be split into fields, or null
 */
record CsvRecord(int line, List<String> fields, String defect) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    boolean malformed() {
        return defect != null;
    }

    /** Only empty cells: a blank line, or one of the ",,,," rows spreadsheets leave below the data. */
    boolean blank() {
        return !malformed() && fields.stream().allMatch(String::isBlank);
    }
}
