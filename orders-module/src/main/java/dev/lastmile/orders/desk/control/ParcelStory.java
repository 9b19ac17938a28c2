package dev.lastmile.orders.desk.control;

import dev.lastmile.model.choice.DeliveryChoice;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.FailedAttempt;
import dev.lastmile.model.proof.Photo;
import dev.lastmile.model.proof.PodException;
import dev.lastmile.model.returns.ParcelReturn;
import dev.lastmile.model.route.Stop;
import dev.lastmile.model.tracking.TrackingEntry;
import dev.lastmile.orders.tracking.control.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Everything the carrier knows about one parcel, from the shared model, for the parcel page. */
@ApplicationScoped
public class ParcelStory {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Timeline timeline;

    public List<TrackingEntry> timeline(Parcel parcel) {
        return timeline.of(parcel);
    }

    public List<DeliveryChoice> choices(Parcel parcel) {
        return em.createNamedQuery(DeliveryChoice.OF_PARCEL, DeliveryChoice.class).setParameter("parcelId", parcel.id())
                .getResultList();
    }

    public List<Notification> notifications(Parcel parcel) {
        return em.createNamedQuery(Notification.OF_PARCEL, Notification.class).setParameter("parcelId", parcel.id())
                .getResultList();
    }

    public Optional<DeliveryProof> proof(Parcel parcel) {
        return em.createNamedQuery(DeliveryProof.OF_PARCEL, DeliveryProof.class).setParameter("parcel", parcel)
                .getResultStream().findFirst();
    }

    public List<Photo> photos(DeliveryProof proof) {
        return em.createNamedQuery(Photo.OF_PROOF, Photo.class).setParameter("proof", proof.id()).getResultList();
    }

    public List<FailedAttempt> failedAttempts(Parcel parcel) {
        return em.createQuery("SELECT a FROM FailedAttempt a WHERE a.parcel = :parcel ORDER BY a.attemptedAt",
                FailedAttempt.class).setParameter("parcel", parcel).getResultList();
    }

    /** The latest route the parcel was planned on. */
    public Optional<Stop> stop(Parcel parcel) {
        return em.createNamedQuery(Stop.OF_PARCELS, Stop.class).setParameter("parcels", List.of(parcel)).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<Handoff> handoff(Parcel parcel) {
        return em.createQuery("SELECT h FROM Handoff h WHERE h.parcel = :parcel ORDER BY h.acceptedAt DESC", Handoff.class)
                .setParameter("parcel", parcel).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<ParcelReturn> parcelReturn(Parcel parcel) {
        return em.createNamedQuery(ParcelReturn.OPEN_FOR_PARCEL, ParcelReturn.class).setParameter("parcel", parcel)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<PodException> exceptions(Parcel parcel) {
        return em.createQuery("SELECT x FROM PodException x WHERE x.parcel = :parcel ORDER BY x.raisedAt", PodException.class)
                .setParameter("parcel", parcel).getResultList();
    }
}
