package dev.lastmile.orders.desk.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the search reads what staff type: postcodes as printed, names as words. */
class ParcelSearchTest {

    @Test
    void aPostcodeTypedWithoutItsSpaceIsReadAsPrinted() {
        assertEquals("NW10 5NH", ParcelSearch.postcodeStart("nw105nh"));
        assertEquals("W3 6NS", ParcelSearch.postcodeStart("W36NS"));
        assertEquals("SW1A 1AA", ParcelSearch.postcodeStart("sw1a1aa"));
        assertEquals("NW10", ParcelSearch.postcodeStart("nw10"), "an outward code alone stays a prefix");
        assertEquals("NW10 5", ParcelSearch.postcodeStart("NW10  5"), "spaces as typed, one kept");
        assertEquals("10115", ParcelSearch.postcodeStart("10115"), "a German postcode is digits");
    }

    @Test
    void namesAreWordsOfLettersAndWildcardsCannotSlipIn() {
        assertEquals(List.of("Carys", "O'Neil"), ParcelSearch.words("Carys O'Neil"), "one word, as it is written");
        assertEquals(List.of("Jean-Paul"), ParcelSearch.words("Jean-Paul"), "one word, as it is written");
        assertEquals(List.of("Müller"), ParcelSearch.words("Müller"));
        assertEquals(List.of(), ParcelSearch.words("NW10 5NH"), "a postcode is not a name");
        assertEquals(List.of(), ParcelSearch.words("+smith -jones"), "operators are not words");
        assertEquals(List.of(), ParcelSearch.words("ab%"), "nor are wildcards");
    }
}
