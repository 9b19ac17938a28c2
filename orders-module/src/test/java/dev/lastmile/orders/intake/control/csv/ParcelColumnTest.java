package dev.lastmile.orders.intake.control.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParcelColumnTest {

    @Test
    void namesTheColumnOfAValidationErrorSoTheReportSpeaksTheFilesLanguage() {
        assertEquals("postcode", ParcelColumn.headerFor("address.postcode"));
        assertEquals("weight_kg", ParcelColumn.headerFor("weightKg"));
        assertEquals("recipient", ParcelColumn.headerFor("recipient"));
    }

    @Test
    void findsAColumnIgnoringCaseAndSurroundingSpaces() {
        assertEquals(Optional.of(ParcelColumn.SAFE_PLACE), ParcelColumn.named(" Safe_Place "));
        assertEquals(Optional.empty(), ParcelColumn.named("safe place"));
    }
}
