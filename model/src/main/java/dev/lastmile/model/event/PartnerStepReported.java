package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.tracking.TrackingCode;
import java.time.Instant;

/**
 * A partner 3PL reported a step of a parcel it carries (picked up, out for delivery, back with the carrier): a
 * line on the public timeline and the messages it deserves, like the carrier's own steps. Deliveries and failed
 * attempts travel as {@link ParcelDelivered} and {@link ParcelDeliveryFailed}.
 */
public record PartnerStepReported(TrackingId trackingId, TrackingCode code, String description, Instant at) {
}
