package dev.lastmile.model.parcel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParcelTest {

    private final Depot depot = new Depot("LON1", "London Park Royal", new GeoPoint(51.53, -0.27));

    private Parcel aParcel() {
        return new Parcel(new Recipient("Ada Lovelace", "ada@example.org", null),
                new DeliveryAddress("12 Baker Street", "London", Postcode.of("GB", "NW1 6XE"), new GeoPoint(51.5237, -0.1585)),
                1.2, LocalDate.of(2026, 12, 1), null, depot, "ORD-1", Instant.EPOCH);
    }

    @Test
    void followsThePlannedJourneyToDelivery() {
        Parcel parcel = aParcel();
        parcel.markPlanned();
        parcel.markOutForDelivery();
        parcel.markDelivered();
        assertEquals(ParcelStatus.DELIVERED, parcel.status());
    }

    @Test
    void cannotBeDeliveredTwice() {
        Parcel parcel = aParcel();
        parcel.markPlanned();
        parcel.markDelivered();
        assertThrows(RuleViolation.class, parcel::markDelivered);
        assertEquals(ParcelStatus.DELIVERED, parcel.status());
    }

    @Test
    void aFailedAttemptWithReattemptPutsItBackIntoPlanningOnTheNewDay() {
        Parcel parcel = aParcel();
        parcel.markPlanned();
        parcel.markOutForDelivery();
        parcel.recordFailedAttempt(NextStep.REATTEMPT, LocalDate.of(2026, 12, 2));
        assertEquals(ParcelStatus.REGISTERED, parcel.status());
        assertEquals(LocalDate.of(2026, 12, 2), parcel.deliveryDate());
        assertEquals(1, parcel.failedAttempts());
    }

    @Test
    void aParcelGoingBackToItsSenderCannotBeDeliveredAnyMore() {
        Parcel parcel = aParcel();
        parcel.markPlanned();
        parcel.markOutForDelivery();
        parcel.recordFailedAttempt(NextStep.RETURN_TO_SENDER, LocalDate.of(2026, 12, 1));
        assertThrows(RuleViolation.class, parcel::markDelivered);
    }

    @Test
    void aHighValueParcelIsHandedOverOnlyAgainstItsPin() {
        Parcel parcel = aParcel();
        parcel.requirePin(new java.math.BigDecimal("900.00"), "4821");
        assertEquals(true, parcel.pinMatches("4821"));
        assertEquals(false, parcel.pinMatches("4822"));
        assertEquals(false, parcel.pinMatches(null));
    }

    @Test
    void cannotBeHandedToAPartnerOnceDelivered() {
        Parcel parcel = aParcel();
        parcel.markPlanned();
        parcel.markOutForDelivery();
        parcel.markDelivered();
        assertThrows(RuleViolation.class, parcel::markHandedToPartner);
    }

    @Test
    void refusesANonPositiveWeight() {
        assertThrows(IllegalArgumentException.class, () -> new Parcel(new Recipient("A", null, null),
                new DeliveryAddress("1 A St", "London", Postcode.of("GB", "E1 6AN"), new GeoPoint(51.5, -0.07)),
                0, LocalDate.of(2026, 12, 1), null, depot, null, Instant.EPOCH));
    }
}
