package dev.lastmile.orders.intake.control.csv;

/**
 * Why one data row was rejected while reading the file; the other rows are unaffected.
 *
 * @param line             the 1-based physical line where the row starts
 * @param shipperReference the row's reference when it could be read, so the shipper finds it; else null
 * @param column           the CSV column at fault, or null when the row as a whole is malformed
 */
public record RowError(int line, String shipperReference, String column, String message) {
}
