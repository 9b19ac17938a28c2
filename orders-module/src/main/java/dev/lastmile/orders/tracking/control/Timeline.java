package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.model.tracking.TrackingEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** A parcel's public history, one entry per step of its journey. */
@ApplicationScoped
public class Timeline {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public void append(TrackingId trackingId, TrackingCode code, Instant at, String description) {
        em.persist(new TrackingEntry(trackingId, code, at, description));
    }

    public List<TrackingEntry> of(TrackingId trackingId) {
        return em.createNamedQuery(TrackingEntry.TIMELINE, TrackingEntry.class)
                .setParameter("trackingId", trackingId.value()).getResultList();
    }
}
