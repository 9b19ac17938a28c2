package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.model.tracking.TrackingEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import dev.lastmile.model.parcel.Parcel;
import java.util.ArrayList;
import java.util.List;

/** A parcel's public history, one entry per step of its journey. */
@ApplicationScoped
public class Timeline {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public void append(TrackingId trackingId, TrackingCode code, Instant at, String description) {
        em.persist(new TrackingEntry(trackingId, code, at, description));
    }

    /** The parcel's history: its registration (kept on the parcel row), then every step written since. */
    public List<TrackingEntry> of(Parcel parcel) {
        List<TrackingEntry> entries = new ArrayList<>();
        entries.add(new TrackingEntry(parcel.trackingId(), TrackingCode.CREATED, parcel.registeredAt(),
                "Parcel registered by the sender."));
        entries.addAll(em.createNamedQuery(TrackingEntry.TIMELINE, TrackingEntry.class)
                .setParameter("trackingId", parcel.trackingId().value()).getResultList());
        return entries;
    }
}
