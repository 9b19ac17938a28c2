package dev.lastmile.orders.intake.control.csv;

import java.util.Objects;

/**
 * What became of one row of an uploaded file, as the shipper reads it in the downloadable report.
 *
 * @param line  the 1-based line of the row in the uploaded file
 * @param field the column or request field at fault, for a rejected row; else null
 */
public record ReportRow(int line, String shipperReference, Outcome outcome, String trackingId, String field,
                        String message) {

    public enum Outcome {
        /** Registered by this upload. */
        CREATED,
        /** Already registered before this upload; reported with its tracking id, not registered twice. */
        EXISTING,
        /** Not registered; field and message say why. */
        REJECTED
    }

    public ReportRow {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static ReportRow created(int line, String shipperReference, String trackingId) {
        return new ReportRow(line, shipperReference, Outcome.CREATED, trackingId, null, null);
    }

    public static ReportRow existing(int line, String shipperReference, String trackingId) {
        return new ReportRow(line, shipperReference, Outcome.EXISTING, trackingId, null, null);
    }

    public static ReportRow rejected(int line, String shipperReference, String field, String message) {
        return new ReportRow(line, shipperReference, Outcome.REJECTED, null, field, message);
    }

    public static ReportRow rejected(RowError error) {
        return rejected(error.line(), error.shipperReference(), error.column(), error.message());
    }
}
