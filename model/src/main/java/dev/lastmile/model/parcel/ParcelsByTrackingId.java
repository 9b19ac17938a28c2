package dev.lastmile.model.parcel;

import dev.lastmile.model.problem.NotFound;
import jakarta.persistence.EntityManager;

/** The one way every module finds a parcel by the id on its label. */
public final class ParcelsByTrackingId {

    private ParcelsByTrackingId() {
    }

    /** @throws NotFound when no parcel has this id */
    public static Parcel find(EntityManager em, TrackingId trackingId) {
        return em.createNamedQuery(Parcel.BY_TRACKING_ID, Parcel.class)
                .setParameter("trackingId", trackingId.value())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFound("parcel", trackingId.value()));
    }
}
