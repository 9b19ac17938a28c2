package dev.lastmile.model.event;

import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;

/** The recipient sent the parcel to another address; whoever carries it must hear of it. */
public record ParcelRedirected(TrackingId trackingId, Instant at) {
}
