package dev.lastmile.model.parcel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

class TrackingIdTest {

    @Test
    void computesTheGs1CheckDigitOfTheSpecificationsExample() {
        // GS1 General Specifications' SSCC example 376104250021234569: body and check digit 9.
        assertEquals(9, TrackingId.checkDigit("37610425002123456"));
    }

    @Test
    void buildsAnSsccFromExtensionPrefixAndSerial() {
        // extension 0, prefix 5060000, serial 000000042 zero-padded to 9 digits, check digit 9
        assertEquals("050600000000000429", TrackingId.sscc(0, "5060000", 42).value());
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
        assertEquals(value, TrackingId.parse("00" + value.substring(0, 9) + " " + value.substring(9)).value());
    }

    @Test
    void refusesASerialTooLongForThePrefix() {
        assertThrows(IllegalArgumentException.class, () -> TrackingId.sscc(0, "5060000", 10_000_000_000L));
    }
}
