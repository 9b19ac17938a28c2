package dev.lastmile.model.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.NextStep;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FailedAttemptPolicyTest {

    private final FailedAttemptPolicy policy = new FailedAttemptPolicy(3, 5);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

    @Test
    void aRecipientNotAtHomeGetsAnotherAttemptOnTheNextDeliveryDay() {
        assertEquals(new FailedAttemptPolicy.Decision(NextStep.REATTEMPT, WEDNESDAY.plusDays(1)),
                policy.decide(FailureReason.NOT_AT_HOME, 1, WEDNESDAY));
    }

    @Test
    void thereAreNoDeliveriesOnSunday() {
        assertEquals(LocalDate.of(2026, 11, 30), policy.decide(FailureReason.NO_ACCESS, 1, SATURDAY).day());
    }

    @Test
    void theThirdFailedAttemptSendsTheParcelBackToItsSender() {
        assertEquals(NextStep.RETURN_TO_SENDER, policy.decide(FailureReason.NOT_AT_HOME, 3, WEDNESDAY).step());
    }

    @Test
    void aRefusedParcelGoesBackAtOnce() {
        assertEquals(NextStep.RETURN_TO_SENDER, policy.decide(FailureReason.REFUSED, 1, WEDNESDAY).step());
    }

    @Test
    void aDamagedParcelIsHeldAtTheDepotForTheHoldingPeriod() {
        assertEquals(new FailedAttemptPolicy.Decision(NextStep.HOLD_AT_DEPOT, WEDNESDAY.plusDays(5)),
                policy.decide(FailureReason.DAMAGED, 1, WEDNESDAY));
        assertEquals(NextStep.HOLD_AT_DEPOT, policy.decide(FailureReason.ADDRESS_NOT_FOUND, 2, WEDNESDAY).step());
    }
}
