package dev.lastmile.partners.allocation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.RateCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTest {

    private static Candidate candidate(String code, String price, int taken, int capacity) {
        return new Candidate(new Partner(code, code, null, "x".repeat(64), Instant.EPOCH),
                new RateCard.Price(new BigDecimal(price), BigDecimal.ZERO), taken, capacity);
    }

    @Test
    void theCheapestWinsWhateverItsRoom() {
        assertEquals("B", Candidate.best(List.of(candidate("A", "3.20", 0, 100), candidate("B", "3.10", 49, 50)), 0)
                .orElseThrow().partner().code());
    }

    @Test
    void withinTheToleranceTheOneWithMoreRoomWinsThenTheCode() {
        assertEquals("A", Candidate.best(List.of(candidate("A", "3.20", 0, 100), candidate("B", "3.10", 49, 50)), 0.05)
                .orElseThrow().partner().code());
        assertEquals("B", Candidate.best(List.of(candidate("A", "4.00", 0, 100), candidate("B", "3.10", 49, 50)), 0.05)
                .orElseThrow().partner().code());
        assertEquals("A", Candidate.best(List.of(candidate("B", "3.10", 0, 10), candidate("A", "3.10", 0, 10)), 0)
                .orElseThrow().partner().code());
        assertTrue(Candidate.best(List.of(), 0).isEmpty());
    }
}
