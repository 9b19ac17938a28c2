package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** Intake took a parcel that no depot of the carrier delivers, because a partner 3PL covers its address. */
public record ParcelBeyondCoverage(TrackingId trackingId, Instant at) {
}
