package dev.lastmile.orders.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.orders.intake.boundary.ParcelRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParcelRegistrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static ParcelRequest aRequest(Double weight, String date, ParcelRequest.AddressPart address) {
        return new ParcelRequest("ORD-1", new ParcelRequest.RecipientPart("Ada Lovelace", "ada@example.org", null, null),
                address, weight, null, date, new ParcelRequest.SlotPart("09:00", "12:00"), null, null);
    }

    private static ParcelRequest.AddressPart bakerStreet() {
        return new ParcelRequest.AddressPart("12 Baker Street", "London", "nw16xe", "gb", 51.5237, -0.1585);
    }

    @Test
    void acceptsACompleteRequestAndCanonicalisesThePostcode() {
        ParcelRegistration registration = ParcelRegistration.from(aRequest(1.5, "2026-11-26", bakerStreet()), TODAY);
        assertEquals("NW1 6XE", registration.address().postcode().value());
        assertEquals(LocalDate.of(2026, 11, 26), registration.deliveryDate());
    }

    @Test
    void namesEveryMissingOrInvalidField() {
        ParcelRequest.AddressPart halfCoordinates = new ParcelRequest.AddressPart("1 A St", "London", "12345", "GB", 51.5, null);
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> ParcelRegistration.from(aRequest(null, "2026-13-01", halfCoordinates), TODAY));
        List<String> fields = refused.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("weightKg", "deliveryDate", "address.postcode", "address.latitude")),
                fields.toString());
    }

    @Test
    void coordinatesAreOptionalSoTheGazetteerCanPlaceThePostcode() {
        ParcelRequest.AddressPart postcodeOnly = new ParcelRequest.AddressPart("12 Baker Street", "London", "NW1 6XE", "GB",
                null, null);
        ParcelRegistration registration = ParcelRegistration.from(aRequest(1.0, "2026-11-26", postcodeOnly), TODAY);
        assertEquals(null, registration.address().location());
        assertEquals("en", registration.language());
    }

    @Test
    void refusesADeliveryDateInThePast() {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> ParcelRegistration.from(aRequest(1.0, "2026-11-24", bakerStreet()), TODAY));
        assertEquals("deliveryDate", refused.errors().get(0).field());
    }

    @Test
    void refusesAnOverweightParcel() {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> ParcelRegistration.from(aRequest(40.0, "2026-11-26", bakerStreet()), TODAY));
        assertEquals("weightKg", refused.errors().get(0).field());
    }
}
