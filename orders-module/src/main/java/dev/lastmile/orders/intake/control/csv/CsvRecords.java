package dev.lastmile.orders.intake.control.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into RFC 4180 records: fields separated by commas, optionally in double quotes with {@code ""}
 * for a quote, quoted fields free to hold commas and line breaks, lines ending in LF or CRLF. A malformed
 * record comes back as such and reading resumes on a later line, so one bad row costs only that row.
 */
final class CsvRecords {

    private final String text;
    private int pos;
    private int line = 1;

    CsvRecords(String text) {
        this.text = text;
    }

    boolean hasNext() {
        return pos < text.length();
    }

    /** @throws MalformedUpload when a quote is never closed, as then no later record can be trusted */
    CsvRecord next() {
        int start = line;
        List<String> fields = new ArrayList<>();
        try {
            while (true) {
                fields.add(at('"') ? quotedField() : unquotedField());
                if (pos == text.length() || lineBreak()) {
                    return new CsvRecord(start, fields, null);
                }
                pos++;
            }
        } catch (Defect defect) {
            pos = defect.resumePos;
            line = defect.resumeLine;
            return new CsvRecord(start, fields, defect.getMessage());
        }
    }

    private String unquotedField() {
        int begin = pos;
        while (pos < text.length() && !atSeparator()) {
            if (at('"')) {
                throw restOfLineLost("a quote inside an unquoted field; put the whole field in quotes and double "
                        + "each quote inside it");
            }
            if (at('\r')) {
                throw loneCarriageReturn();
            }
            pos++;
        }
        return text.substring(begin, pos);
    }

    private String quotedField() {
        int opening = pos;
        int openLine = line;
        StringBuilder field = new StringBuilder();
        pos++;
        while (true) {
            int quote = text.indexOf('"', pos);
            if (quote < 0) {
                throw new MalformedUpload("file", "the quote opened on line " + openLine
                        + " is never closed, so the rest of the file would be one field");
            }
            line += lineFeeds(pos, quote);
            field.append(text, pos, quote);
            pos = quote + 1;
            if (!at('"')) {
                break;
            }
            field.append('"');
            pos++;
        }
        if (at('\r') && !atSeparator()) {
            throw loneCarriageReturn();
        }
        if (pos < text.length() && !atSeparator()) {
            throw line > openLine ? unclosedQuote(opening, openLine)
                    : restOfLineLost("text after the closing quote; a quoted field must end at its closing quote");
        }
        return field.toString();
    }

    /** Consumes the line break after a field; false at a comma. */
    private boolean lineBreak() {
        if (!atLineBreak()) {
            return false;
        }
        pos += at('\r') ? 2 : 1;
        line++;
        return true;
    }

    /**
     * A quoted field that ran over line breaks and then met text after its "closing" quote most likely never
     * had its own closing quote and borrowed the next opening one. Rejecting its row and reading on from the
     * line after the opening quote keeps the rows it swallowed.
     */
    private Defect unclosedQuote(int opening, int openLine) {
        return new Defect("the quote opened on line " + openLine + " is never properly closed",
                text.indexOf('\n', opening) + 1, openLine + 1);
    }

    private Defect loneCarriageReturn() {
        return restOfLineLost("a carriage return without a line feed; lines must end in LF or CRLF");
    }

    private Defect restOfLineLost(String message) {
        int lineFeed = text.indexOf('\n', pos);
        return lineFeed < 0 ? new Defect(message, text.length(), line) : new Defect(message, lineFeed + 1, line + 1);
    }

    private boolean atSeparator() {
        return at(',') || atLineBreak();
    }

    private boolean atLineBreak() {
        return at('\n') || at('\r') && pos + 1 < text.length() && text.charAt(pos + 1) == '\n';
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private int lineFeeds(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** A fault in one record, and where reading resumes; control flow only, so no stack trace. */
    private static final class Defect extends RuntimeException {

        final int resumePos;
        final int resumeLine;

        Defect(String message, int resumePos, int resumeLine) {
            super(message, null, false, false);
            this.resumePos = resumePos;
            this.resumeLine = resumeLine;
        }
    }
}
