package dev.lastmile.model.proof;

import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.NextStep;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What follows a failed attempt. A refusal goes straight back to the sender; a damaged parcel or an
 * address the driver could not find is held at the depot; anything else is tried again on the next
 * delivery day, until the last allowed attempt, after which the parcel goes back to its sender.
 */
public record FailedAttemptPolicy(int maxAttempts, int holdDays) {

    public record Decision(NextStep step, LocalDate day) {
    }

    public FailedAttemptPolicy {
        if (maxAttempts < 1 || holdDays < 1) {
            throw new IllegalArgumentException("at least one attempt and one day of holding");
        }
    }

    public Decision decide(FailureReason reason, int attemptNumber, LocalDate attemptDay) {
        if (reason == FailureReason.REFUSED || attemptNumber >= maxAttempts) {
            return new Decision(NextStep.RETURN_TO_SENDER, attemptDay);
        }
        if (reason == FailureReason.DAMAGED || reason == FailureReason.ADDRESS_NOT_FOUND) {
            return new Decision(NextStep.HOLD_AT_DEPOT, attemptDay.plusDays(holdDays));
        }
        return new Decision(NextStep.REATTEMPT, nextDeliveryDay(attemptDay));
    }

    /** Deliveries run Monday to Saturday. */
    public static LocalDate nextDeliveryDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        return next.getDayOfWeek() == DayOfWeek.SUNDAY ? next.plusDays(1) : next;
    }
}
