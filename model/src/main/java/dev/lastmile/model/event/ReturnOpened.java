package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** A return was opened for a delivered parcel. */
public record ReturnOpened(TrackingId parcelTrackingId, TrackingId returnTrackingId, Instant at) {
}
