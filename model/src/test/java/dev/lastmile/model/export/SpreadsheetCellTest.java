package dev.lastmile.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"Open\")", "+1+1", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "=", "-"})
    void aCellThatASpreadsheetWouldRunAsAFormulaIsQuoted(String formula) {
        assertEquals("'" + formula, SpreadsheetCell.neutralise(formula));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORD-1", "003506000000000018", "weight_kg", "'1,5' is not a number", "a=b",
            "mail@example.org", "'=1+1"})
    void anyOtherTextIsLeftAsItIs(String text) {
        assertEquals(text, SpreadsheetCell.neutralise(text));
    }

    @Test
    void aNegativeNumberIsQuotedTooSoItIsForTextColumns() {
        assertEquals("'-1.5", SpreadsheetCell.neutralise("-1.5"));
    }

    @Test
    void anEmptyCellStaysEmpty() {
        assertEquals("", SpreadsheetCell.neutralise(""));
        assertNull(SpreadsheetCell.neutralise(null));
    }
}
