package dev.lastmile.pod.scan.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.handheld.ScanType;
import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.proof.DeliveryMethod;
import java.time.Instant;
import java.util.List;

/** A handheld event that passed every check of its own content; whether it fits the parcel is decided later. */
public record Scan(String eventId, ScanType type, TrackingId trackingId, Instant occurredAt, GeoPoint location,
                   Double accuracyMetres, Handover handover, Attempt attempt) {

    /** What a DELIVERED event carries; {@code photosToFollow} more photos come after it. */
    public record Handover(DeliveryMethod method, String receivedBy, String neighbourHouse, String lockerCompartment,
                           String pin, byte[] signaturePng, List<byte[]> photos, int photosToFollow) {
    }

    /** What a FAILED event carries. */
    public record Attempt(FailureReason reason, byte[] photo) {
    }
}
