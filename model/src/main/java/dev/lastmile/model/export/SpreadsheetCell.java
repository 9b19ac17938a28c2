package dev.lastmile.model.export;

/**
 * A text cell of a file that people open in a spreadsheet (CSV, XLSX). Excel, LibreOffice and Google Sheets run
 * a cell that begins with {@code = + - @}, a tab or a carriage return as a formula, so a value such as
 * {@code =HYPERLINK("http://evil.example","Open")} taken from an upload would act when the report is opened.
 * Following OWASP's advice on CSV injection, such a cell gets a leading single quote, which spreadsheets show as
 * text and do not evaluate.
 *
 * <p>Meant for text columns: a negative number such as {@code -1.5} also gets the quote and stops being a number,
 * so numeric columns should be written as numbers (a numeric XLSX cell), not passed through here.
 */
public final class SpreadsheetCell {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCell() {
    }

    /** The value as a spreadsheet shows it verbatim; null (an empty cell) stays null. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }
}
