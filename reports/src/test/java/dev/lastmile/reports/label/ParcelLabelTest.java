package dev.lastmile.reports.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParcelLabelTest {

    @Test
    void sortCodeIsTwoDigitRouteThenStopSequence() {
        assertEquals("R03 · 12", ParcelLabel.sortCode(3, 12));
        assertEquals("R14 · 2", ParcelLabel.sortCode(14, 2));
    }

    @Test
    void parcelWithoutWeightGetsNoLabel() {
        assertThrows(IllegalArgumentException.class, () -> new ParcelLabel("050600000000000429", "Northwind Books",
                "Ada Lovelace", "12 Baker Street", "London", "NW1 6XE", "United Kingdom", "2026-12-01", null, 0,
                "LON1", null, false));
    }
}
