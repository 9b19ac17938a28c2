package dev.lastmile.orders.tracking.control;

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
