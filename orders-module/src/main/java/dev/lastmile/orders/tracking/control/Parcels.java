package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.TrackingId;
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
}
