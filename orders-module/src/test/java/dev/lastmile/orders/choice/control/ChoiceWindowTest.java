package dev.lastmile.orders.choice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.parcel.Recipient;
import dev.lastmile.model.problem.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChoiceWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final ChoiceWindow window = new ChoiceWindow();

    ChoiceWindowTest() {
        window.cutOffTime = "18:00";
        window.zone = "Europe/London";
    }

    private static Parcel parcelFor(LocalDate day) {
        return new Parcel(new Recipient("Ada Lovelace", "ada@example.org", null),
                new DeliveryAddress("12 Baker Street", "London", Postcode.of("GB", "NW1 6XE"), new GeoPoint(51.52, -0.16)),
                1.0, day, null, new Depot("LON1", "Park Royal", new GeoPoint(51.53, -0.26)), "R-1", NOW);
    }

    @Test
    void changesCloseAtSixTheEveningBeforeTheDeliveryDay() {
        assertEquals(Instant.parse("2026-11-25T18:00:00Z"), window.cutOff(LocalDate.of(2026, 11, 26)));
        assertTrue(window.closedReason(parcelFor(LocalDate.of(2026, 11, 26)), NOW).isEmpty());
        assertTrue(window.closedReason(parcelFor(LocalDate.of(2026, 11, 26)), Instant.parse("2026-11-25T18:00:00Z")).isPresent());
        assertEquals(LocalDate.of(2026, 11, 26), window.firstBookableDay(NOW));
        assertEquals(LocalDate.of(2026, 11, 27), window.firstBookableDay(Instant.parse("2026-11-25T19:00:00Z")));
    }

    @Test
    void onceOnARouteTheParcelKeepsItsSlotButTheHandOverWishesMayStillChange() {
        Parcel planned = parcelFor(LocalDate.of(2026, 12, 5));
        planned.markPlanned();
        window.requireOpen(planned, NOW);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> window.requireUnrouted(planned, NOW));
        assertEquals("choice-closed", refused.type());
    }

    @Test
    void nothingChangesOnceTheVanHasLeft() {
        Parcel out = parcelFor(LocalDate.of(2026, 12, 5));
        out.markPlanned();
        out.markOutForDelivery();
        assertEquals("The parcel is already out for delivery.", window.closedReason(out, NOW).orElseThrow());
    }
}
