package dev.lastmile.model.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.problem.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandoffReportTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-02T08:00:00Z");

    private static Handoff handoff() {
        return new Handoff(null, "NIB", "REF", "REST", ACCEPTED);
    }

    private static Instant at(int minutes) {
        return ACCEPTED.plusSeconds(60L * minutes);
    }

    @Test
    void statusesApplyInOccurrenceOrderAndOlderOnesAreHistory() {
        Handoff handoff = handoff();
        assertEquals(PartnerEvent.Outcome.APPLIED, handoff.report(PartnerStatus.OUT_FOR_DELIVERY, at(30)));
        assertEquals(PartnerEvent.Outcome.HISTORY, handoff.report(PartnerStatus.PICKED_UP, at(10)));
        assertEquals(PartnerEvent.Outcome.APPLIED, handoff.report(PartnerStatus.DELIVERED, at(60)));
        assertEquals(PartnerStatus.DELIVERED, handoff.status().orElseThrow());
    }

    @Test
    void contradictionsAreRefusedAndChangeNothing() {
        Handoff handoff = handoff();
        handoff.report(PartnerStatus.DELIVERED, at(60));
        assertThrows(RuleViolation.class, () -> handoff.report(PartnerStatus.ATTEMPT_FAILED, at(70)));
        assertThrows(RuleViolation.class, () -> handoff.report(PartnerStatus.RETURNED_TO_CARRIER, at(30)));
        assertThrows(RuleViolation.class, () -> handoff().report(PartnerStatus.PICKED_UP, ACCEPTED.minusSeconds(3600)));
        assertEquals(at(60), handoff.statusAt().orElseThrow());
    }

    @Test
    void afterARecallOrAGivenUpAttemptOnlyTheReturnMayFollow() {
        Handoff recalled = handoff();
        recalled.recall(at(5));
        assertThrows(RuleViolation.class, () -> recalled.report(PartnerStatus.OUT_FOR_DELIVERY, at(10)));
        assertEquals(PartnerEvent.Outcome.APPLIED, recalled.report(PartnerStatus.RETURNED_TO_CARRIER, at(20)));

        Handoff givenUp = handoff();
        givenUp.report(PartnerStatus.ATTEMPT_FAILED, at(10));
        givenUp.returnIsDue();
        assertThrows(RuleViolation.class, () -> givenUp.report(PartnerStatus.OUT_FOR_DELIVERY, at(20)));
        assertThrows(RuleViolation.class, () -> givenUp.report(PartnerStatus.ATTEMPT_FAILED, at(25)));
        assertEquals(PartnerEvent.Outcome.APPLIED, givenUp.report(PartnerStatus.RETURNED_TO_CARRIER, at(30)));
    }

    @Test
    void aDeliveryMadeBeforeTheRecallStillCounts() {
        Handoff handoff = handoff();
        handoff.recall(at(30));
        assertEquals(PartnerEvent.Outcome.APPLIED, handoff.report(PartnerStatus.DELIVERED, at(20)));
        Handoff late = handoff();
        late.recall(at(30));
        assertThrows(RuleViolation.class, () -> late.report(PartnerStatus.DELIVERED, at(40)));
    }

    @Test
    void aParcelIsOutForDeliveryOnceBetweenAttempts() {
        Handoff handoff = handoff();
        handoff.report(PartnerStatus.OUT_FOR_DELIVERY, at(10));
        assertThrows(RuleViolation.class, () -> handoff.report(PartnerStatus.OUT_FOR_DELIVERY, at(20)));
        handoff.report(PartnerStatus.ATTEMPT_FAILED, at(30));
        assertEquals(PartnerEvent.Outcome.APPLIED, handoff.report(PartnerStatus.OUT_FOR_DELIVERY, at(24 * 60)));
    }
}
