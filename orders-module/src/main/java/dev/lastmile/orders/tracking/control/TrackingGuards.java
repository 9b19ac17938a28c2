package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.problem.TooManyRequests;
import dev.lastmile.model.tracking.TrackingGuard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles postcode guessing per tracking id. The count lives in the database, so every instance
 * of a cluster sees it, and is written in a transaction of its own: the lookup that failed answers
 * 404 (and rolls back), the failure still counts.
 */
@Stateless
public class TrackingGuards {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.tracking.wrong-postcode-limit", defaultValue = "5")
    int limit;

    @Inject
    @ConfigProperty(name = "lastmile.tracking.wrong-postcode-window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "lastmile.tracking.block", defaultValue = "PT15M")
    Duration block;

    /** The parcel and its guard (if any postcode was ever wrong) in one round trip: the hot path of tracking. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Guarded parcelWithGuard(dev.lastmile.model.parcel.TrackingId trackingId) {
        Object[] row = em.createQuery("SELECT p, g FROM Parcel p LEFT JOIN TrackingGuard g ON g.trackingId = p.trackingId"
                        + " WHERE p.trackingId = :id", Object[].class).setParameter("id", trackingId.value())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new dev.lastmile.model.problem.NotFound("parcel", trackingId.value()));
        return new Guarded((dev.lastmile.model.parcel.Parcel) row[0], (TrackingGuard) row[1]);
    }

    public record Guarded(dev.lastmile.model.parcel.Parcel parcel, TrackingGuard guard) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireNotBlocked(TrackingGuard guard) {
        Instant now = Instant.now();
        if (guard != null) {
            guard.blockedAt(now).ifPresent(until -> {
                throw new TooManyRequests("Too many wrong postcodes for this parcel; try again after " + until + ".",
                        Math.max(1, Duration.between(now, until).toSeconds()));
            });
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void wrongPostcode(String trackingId) {
        Instant now = Instant.now();
        TrackingGuard guard = em.find(TrackingGuard.class, trackingId);
        if (guard == null) {
            guard = new TrackingGuard(trackingId, now);
            try {
                em.persist(guard);
                em.flush();
            } catch (PersistenceException countedMeanwhile) {
                return; // another lookup created the row at the same moment; its count stands
            }
        }
        guard.wrongPostcode(now, limit, window, block);
    }
}
