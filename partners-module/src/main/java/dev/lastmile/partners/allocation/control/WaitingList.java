package dev.lastmile.partners.allocation.control;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The staff's view of allocation: parcels no partner has taken, and a parcel's offers. */
@ApplicationScoped
public class WaitingList {

    static final int MAX = 1000;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** A parcel waiting; why no partner fits is in the audit trail and the parcel's offers. */
    public record Waiting(String trackingId, String depot, String deliveryDate, String postcode, String country,
                          double weightKg, String registeredAt) {
    }

    public List<Waiting> of(Caller caller, String depot) {
        return em.createQuery("SELECT p FROM Parcel p WHERE p.status = :status ORDER BY p.deliveryDate, p.id", Parcel.class)
                .setParameter("status", ParcelStatus.AWAITING_PARTNER).setMaxResults(MAX).getResultList().stream()
                .filter(p -> p.isVisibleTo(caller))
                .filter(p -> depot == null || depot.isBlank() || (p.depot() != null && p.depot().code().equals(depot)))
                .map(p -> new Waiting(p.trackingId().value(), p.depot() == null ? null : p.depot().code(),
                        p.deliveryDate().toString(), p.address().postcode().value(), p.address().postcode().country(),
                        p.weightKg(), p.registeredAt().toString()))
                .toList();
    }

    public List<PartnerOffer> offersOf(String trackingId, Caller caller) {
        return em.createNamedQuery(PartnerOffer.OF_PARCEL, PartnerOffer.class).setParameter("parcel", visible(trackingId, caller))
                .getResultList();
    }

    public Parcel parcel(String trackingId) {
        return ParcelsByTrackingId.find(em, TrackingId.parse(trackingId));
    }

    private Parcel visible(String trackingId, Caller caller) {
        Parcel parcel;
        try {
            parcel = ParcelsByTrackingId.find(em, TrackingId.parse(trackingId));
        } catch (IllegalArgumentException e) {
            throw new NotFound("parcel", trackingId);
        }
        if (!parcel.isVisibleTo(caller)) {
            throw new NotFound("parcel", trackingId);
        }
        return parcel;
    }
}
