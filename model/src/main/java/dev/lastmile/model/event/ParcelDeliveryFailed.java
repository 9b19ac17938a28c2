package dev.lastmile.model.event;

import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.NextStep;
import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A delivery attempt failed; {@code nextStep} is the policy's decision and {@code nextDay} the new
 * delivery day (re-attempt) or the last day of holding (hold at depot).
 */
public record ParcelDeliveryFailed(TrackingId trackingId, FailureReason reason, int attemptNumber, NextStep nextStep,
                                   LocalDate nextDay, Instant at) {
}
