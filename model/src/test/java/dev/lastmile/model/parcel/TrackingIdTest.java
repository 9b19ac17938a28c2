package dev.lastmile.model.parcel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

class TrackingIdTest {

    @Test
    void computesTheGs1CheckDigitOfTheSpecificationsExample() {
        // GS1 General Specifications, SSCC example: 3 7 6 1 0 4 2 5 0 0 2 1 2 3 4 5 6 + check digit 9... body below.
        assertEquals(9, TrackingId.checkDigit("37610425002123456"));
    }

    @Test
    void buildsAnSsccFromExtensionPrefixAndSerial() {
        TrackingId id = TrackingId.sscc(0, "5060000", 42);
        assertEquals("050600000000000427".substring(0, 17), id.value().substring(0, 17));
        assertEquals(18, id.value().length());
        assertEquals(TrackingId.checkDigit(id.value().substring(0, 17)), id.value().charAt(17) - '0');
    }

    @Test
    void refusesAnIdWhoseCheckDigitIsWrong() {
        String good = TrackingId.sscc(0, "5060000", 42).value();
        String bad = good.substring(0, 17) + ((good.charAt(17) - '0' + 1) % 10);
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> new TrackingId(bad));
        assertEquals("trackingId", refused.errors().get(0).field());
    }

    @Test
    void parsesScannedTextWithApplicationIdentifierAndSpaces() {
        String value = TrackingId.sscc(0, "5060000", 7).value();
        assertEquals(value, TrackingId.parse("(00)".replaceAll("[()]", "") + value.substring(0, 9) + " " + value.substring(9)).value());
    }

    @Test
    void refusesASerialTooLongForThePrefix() {
        assertThrows(IllegalArgumentException.class, () -> TrackingId.sscc(0, "5060000", 10_000_000_000L));
    }
}
