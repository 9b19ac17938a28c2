package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** A partner 3PL accepted the parcel and delivers it from now on. */
public record ParcelHandedOver(TrackingId trackingId, String partnerCode, String partnerReference, Instant at) {
}
