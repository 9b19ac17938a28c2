package dev.lastmile.orders.intake.control.csv;

import dev.lastmile.orders.intake.boundary.ParcelRequest;

/**
 * A data row read into the same request the JSON API takes; it still has to pass
 * {@code ParcelRegistration.from}.
 *
 * @param line the 1-based physical line of the file where the row starts (the header is line 1)
 */
public record ParsedRow(int line, ParcelRequest request) {
}
