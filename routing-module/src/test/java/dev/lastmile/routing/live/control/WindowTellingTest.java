package dev.lastmile.routing.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.event.EtaRevised;
import dev.lastmile.model.live.WindowStage;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WindowTellingTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2026, 12, 2, 9, 0);
    private static final WindowTelling TELLING = new WindowTelling(new WindowTelling.Settings(3, Duration.ofMinutes(45),
            Duration.ofMinutes(10)));
    private static final WindowTelling.Told HOUR = new WindowTelling.Told(NINE, NINE.plusHours(1), WindowStage.HOUR);

    @Test
    void farAwayAndInsideTheHourNothingChanges() {
        assertTrue(TELLING.next(HOUR, NINE.plusMinutes(20), 12, NINE.minusHours(2)).isEmpty());
    }

    @Test
    void aFewStopsAwayTheWindowNarrowsInsideTheOneTold() {
        WindowTelling.Decision decision = TELLING.next(HOUR, NINE.plusMinutes(50), 2, NINE.plusMinutes(20)).orElseThrow();
        assertEquals(EtaRevised.Change.NARROWED, decision.change());
        assertEquals(WindowStage.HALF_HOUR, decision.told().stage());
        assertEquals(Duration.ofMinutes(30), decision.told().width());
        assertFalse(decision.told().from().isBefore(HOUR.from()));
        assertFalse(decision.told().to().isAfter(HOUR.to()), "a narrower window stays inside: " + decision.told());
        assertTrue(decision.told().holds(NINE.plusMinutes(50)));
    }

    @Test
    void theNextStopIsAnnouncedOnce() {
        WindowTelling.Decision next = TELLING.next(HOUR, NINE.plusMinutes(30), 0, NINE.plusMinutes(20)).orElseThrow();
        assertEquals(EtaRevised.Change.NEXT, next.change());
        assertEquals(WindowStage.NEXT, next.told().stage());
        assertTrue(TELLING.next(next.told(), NINE.plusMinutes(31), 0, NINE.plusMinutes(22)).isEmpty());
    }

    @Test
    void anEtaPastTheWindowMovesItLaterWithALateMessage() {
        WindowTelling.Decision decision = TELLING.next(HOUR, NINE.plusMinutes(95), 6, NINE.plusMinutes(10)).orElseThrow();
        assertEquals(EtaRevised.Change.LATE, decision.change());
        assertTrue(decision.movedMinutes() > 10);
        assertTrue(decision.told().holds(NINE.plusMinutes(95)));
        assertEquals(Duration.ofMinutes(60), decision.told().width());
    }

    @Test
    void aSmallSlipAdjustsWithoutAMessageAndTheStageNeverWidensAgain() {
        WindowTelling.Told half = new WindowTelling.Told(NINE, NINE.plusMinutes(30), WindowStage.HALF_HOUR);
        WindowTelling.Decision decision = TELLING.next(half, NINE.plusMinutes(32), 8, NINE).orElseThrow();
        assertEquals(WindowStage.HALF_HOUR, decision.told().stage());
        assertEquals(Duration.ofMinutes(30), decision.told().width());
        assertEquals(EtaRevised.Change.ADJUSTED, decision.change(), decision.toString());
        assertEquals(5, decision.movedMinutes());
        assertTrue(decision.told().holds(NINE.plusMinutes(32)));
    }

    @Test
    void anEarlyVanMovesTheWindowEarlierWithAMessage() {
        WindowTelling.Decision decision = TELLING.next(HOUR, NINE.minusMinutes(40), 5, NINE.minusHours(1)).orElseThrow();
        assertEquals(EtaRevised.Change.EARLY, decision.change());
        assertTrue(decision.movedMinutes() < -10);
    }
}
