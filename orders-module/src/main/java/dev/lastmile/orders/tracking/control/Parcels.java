package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.tracking.TrackingGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Finds parcels by what people and scanners know them by. */
@ApplicationScoped
public class Parcels {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** Checks the id's check digit first, so a mistyped id is told apart from an unknown one. */
    public Parcel byTrackingId(String text) {
        return byTrackingId(TrackingId.parse(text));
    }

    public Parcel byTrackingId(TrackingId trackingId) {
        return ParcelsByTrackingId.find(em, trackingId);
    }

    /** The parcel and its tracking guard, if a postcode was ever wrong, in one round trip: the hot path of tracking. */
    public Guarded withGuard(TrackingId trackingId) {
        Object[] row = em.createQuery("SELECT p, g FROM Parcel p LEFT JOIN TrackingGuard g ON g.trackingId = p.trackingId"
                        + " WHERE p.trackingId = :id", Object[].class).setParameter("id", trackingId.value())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new dev.lastmile.model.problem.NotFound("parcel", trackingId.value()));
        return new Guarded((Parcel) row[0], (TrackingGuard) row[1]);
    }

    public record Guarded(Parcel parcel, TrackingGuard guard) {
    }
}
