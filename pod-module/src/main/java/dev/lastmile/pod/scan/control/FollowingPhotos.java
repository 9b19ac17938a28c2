package dev.lastmile.pod.scan.control;

import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.handheld.ScanEvent;
import dev.lastmile.model.handheld.ScanType;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.Photo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Photos a delivery announced (photosToFollow) and the handheld sends after it, one request each, so a weak
 * uplink carries the delivery itself first. Each photo is stored once under its number; the delivery may have
 * been sent by an earlier registration of the same driver's handheld (a device paired again).
 */
@ApplicationScoped
public class FollowingPhotos {

    public enum Outcome { STORED, DUPLICATE }

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public Outcome attach(HandheldDevice device, String eventId, int number, byte[] jpeg) {
        ScanEvent delivery = em.createNamedQuery(ScanEvent.DELIVERY_OF_DRIVER, ScanEvent.class)
                .setParameter("event", eventId).setParameter("type", ScanType.DELIVERED).setParameter("driver", device.driver()).getResultList().stream().findFirst()
                // Not (yet) stored: the handheld sends the photo again once its delivery is through.
                .orElseThrow(() -> new NotFound("delivery event", eventId));
        Parcel parcel = em.createNamedQuery(Parcel.BY_TRACKING_ID, Parcel.class)
                .setParameter("trackingId", delivery.trackingId()).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFound("delivery event", eventId));
        DeliveryProof proof = em.createNamedQuery(DeliveryProof.OF_PARCEL, DeliveryProof.class).setParameter("parcel", parcel)
                .getResultList().stream().findFirst().orElseThrow(() -> new NotFound("delivery event", eventId));
        if (!proof.deliveredAt().equals(delivery.occurredAt())) {
            // The event was kept as history: the parcel's proof is another delivery's.
            throw new RuleViolation("photo-for-another-delivery", "Parcel delivered by another event", "Parcel "
                    + parcel.trackingId().value() + " was delivered at " + proof.deliveredAt() + "; the photos of " + eventId
                    + " belong to no proof.");
        }
        if (number < 1 || number > proof.photosToFollow()) {
            throw new RuleViolation("photo-not-announced", "Photo not announced", "The delivery " + eventId + " announced "
                    + proof.photosToFollow() + " photo(s) to follow; number " + number + " is not one of them.");
        }
        Long stored = em.createNamedQuery(Photo.FOLLOWED, Long.class).setParameter("proof", proof.id())
                .setParameter("index", number).getSingleResult();
        if (stored > 0) {
            return Outcome.DUPLICATE;
        }
        em.persist(Photo.followingDelivery(proof.id(), number, Images.jpegBytes("photo", jpeg), delivery.occurredAt()));
        return Outcome.STORED;
    }
}
