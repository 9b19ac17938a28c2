package dev.lastmile.pod.handheld.control;

import dev.lastmile.model.event.ParcelDelivered;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.pod.handheld.boundary.DeliveryRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Records the evidence of a delivery and announces it. */
@ApplicationScoped
public class ProofOfDelivery {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelDelivered> delivered;

    public DeliveryProof record(DeliveryRequest request) {
        Violations.body(request);
        Violations violations = new Violations().require("trackingId", request.trackingId())
                .require("receivedBy", request.receivedBy()).require("signaturePng", request.signaturePng())
                .require("location", request.location());
        TrackingId trackingId = request.trackingId() == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(request.trackingId()));
        GeoPoint location = request.location() == null ? null : violations.attempt("location", () -> point(request));
        Signature signature = request.signaturePng() == null ? null
                : violations.attempt("", () -> Signature.fromBase64(request.signaturePng()));
        violations.throwIfAny();

        Parcel parcel = em.createNamedQuery(Parcel.BY_TRACKING_ID, Parcel.class)
                .setParameter("trackingId", trackingId.value()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("parcel", trackingId.value()));
        if (parcel.status() != ParcelStatus.OUT_FOR_DELIVERY) {
            throw new RuleViolation("parcel-not-out-for-delivery", "Parcel is not out for delivery",
                    "Parcel " + trackingId.value() + " is " + parcel.status() + "; only a parcel out for delivery can be delivered.");
        }
        DeliveryProof proof = new DeliveryProof(parcel, request.receivedBy().trim(), location, signature.png(), Instant.now());
        em.persist(proof);
        em.flush();
        delivered.fire(new ParcelDelivered(trackingId, proof.id(), proof.receivedBy(), proof.deliveredAt()));
        return proof;
    }

    private static GeoPoint point(DeliveryRequest request) {
        if (request.location().latitude() == null || request.location().longitude() == null) {
            throw new IllegalArgumentException("needs latitude and longitude");
        }
        return new GeoPoint(request.location().latitude(), request.location().longitude());
    }
}
