package dev.lastmile.pod.position.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.live.Fix;
import dev.lastmile.pod.position.boundary.PositionBatch;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final FixCheck CHECK = new FixCheck(200, Duration.ofDays(30));

    private static String refusal(PositionBatch.Fix fix) {
        return assertThrows(FixCheck.Refused.class, () -> CHECK.parse(fix, NOW)).problem();
    }

    @Test
    void eachBadFixNamesItsReason() {
        assertEquals("position-incomplete", refusal(new PositionBatch.Fix(NOW.toString(), null, -0.1, null, null)));
        assertEquals("position-time-invalid", refusal(new PositionBatch.Fix("yesterday", 51.5, -0.1, null, null)));
        assertEquals("position-in-future", refusal(new PositionBatch.Fix(NOW.plusSeconds(600).toString(), 51.5, -0.1, null, null)));
        assertEquals("position-too-old", refusal(new PositionBatch.Fix(NOW.minus(Duration.ofDays(31)).toString(), 51.5, -0.1, null, null)));
        assertEquals("position-out-of-range", refusal(new PositionBatch.Fix(NOW.toString(), 51.5, 181.0, null, null)));
        assertEquals("position-accuracy-invalid", refusal(new PositionBatch.Fix(NOW.toString(), 51.5, -0.1, -3.0, null)));
        assertEquals("position-impossible-speed", refusal(new PositionBatch.Fix(NOW.toString(), 51.5, -0.1, 5.0, 450.0)));
    }

    @Test
    void aGoodFixIsTakenAsSentWithinTheClockTolerance() throws Exception {
        Fix fix = CHECK.parse(new PositionBatch.Fix(NOW.plusSeconds(120).toString(), 51.5, -0.1, 7.0, 30.0), NOW);
        assertEquals(new GeoPoint(51.5, -0.1), fix.at());
        assertEquals(7.0, fix.accuracyMetres());
    }

    @Test
    void aJumpFasterThanAVanIsRefusedButJitterIsNot() {
        Fix before = new Fix(new GeoPoint(51.5, -0.1), NOW, 10.0, null);
        Fix jump = new Fix(new GeoPoint(51.6, -0.1), NOW.plusSeconds(60), 10.0, null);
        assertEquals("position-impossible-speed", assertThrows(FixCheck.Refused.class, () -> CHECK.plausibleAfter(before, jump)).problem());
        Fix jitter = new Fix(new GeoPoint(51.5003, -0.1), NOW.plusSeconds(1), 30.0, null);
        assertDoesNotThrow(() -> CHECK.plausibleAfter(before, jitter));
        Fix driven = new Fix(new GeoPoint(51.509, -0.1), NOW.plusSeconds(60), 10.0, null);
        assertDoesNotThrow(() -> CHECK.plausibleAfter(before, driven), "1 km in a minute is 60 km/h");
    }
}
