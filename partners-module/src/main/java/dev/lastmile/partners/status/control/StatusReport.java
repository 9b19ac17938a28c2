package dev.lastmile.partners.status.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.handoff.PartnerStatus;
import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.proof.DeliveryMethod;
import java.time.Instant;

/**
 * One status report of a partner, checked field by field: the same whether it came over REST or SOAP.
 * {@code method}, {@code receivedBy}, the signature and the photo belong to a delivery; {@code reason} to a failed
 * attempt; {@code position} to both.
 */
public record StatusReport(String eventId, TrackingId trackingId, PartnerStatus status, Instant occurredAt,
                           FailureReason reason, DeliveryMethod method, String receivedBy, GeoPoint position,
                           byte[] signaturePng, byte[] photoJpeg) {

    /** A proof is complete with a position and a signature or a photo. */
    public boolean proofComplete() {
        return position != null && (signaturePng != null || photoJpeg != null);
    }
}
