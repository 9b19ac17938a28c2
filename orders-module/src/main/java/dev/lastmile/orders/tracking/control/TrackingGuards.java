package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.tracking.TrackingGuard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
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


    /**
     * Counts a wrong postcode exactly, also when instances count the same id at the same moment: the row is
     * created if missing (a no-op where it exists) and then locked, so no count is lost to a race.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void wrongPostcode(String trackingId) {
        Instant now = Instant.now();
        em.createNativeQuery("INSERT IGNORE INTO tracking_guard (tracking_id, failures, window_started) VALUES (?, 0, ?)")
                .setParameter(1, trackingId).setParameter(2, Timestamp.from(now)).executeUpdate();
        em.find(TrackingGuard.class, trackingId, LockModeType.PESSIMISTIC_WRITE).wrongPostcode(now, limit, window, block);
    }
}
