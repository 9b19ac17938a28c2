package dev.lastmile.model.parcel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostcodeTest {

    @Test
    void canonicalisesAUkPostcodeTypedCarelessly() {
        assertEquals("SW1A 1AA", Postcode.of("gb", "sw1a1aa").value());
        assertEquals("E1 6AN", Postcode.of("GB", " e1  6an ").value());
    }

    @Test
    void refusesAPostcodeThatIsNotOfItsCountry() {
        assertThrows(IllegalArgumentException.class, () -> Postcode.of("GB", "12345"));
        assertThrows(IllegalArgumentException.class, () -> Postcode.of("DE", "SW1A 1AA"));
        assertThrows(IllegalArgumentException.class, () -> Postcode.of("XX", "12345"));
    }

    @Test
    void acceptsAGermanPostcode() {
        assertEquals("10115", Postcode.of("DE", "10115").value());
    }

    @Test
    void matchesWhatARecipientTypesWhateverTheSpacing() {
        Postcode postcode = Postcode.of("GB", "NW1 6XE");
        assertTrue(postcode.matches("nw16xe"));
        assertFalse(postcode.matches("NW1 6XF"));
        assertFalse(postcode.matches(null));
    }
}
