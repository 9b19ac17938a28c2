package dev.lastmile.pod.position.control;

import dev.lastmile.model.live.TrackPoint;
import dev.lastmile.model.live.VanPosition;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Positions are the driver's personal data, kept only as long as the carrier needs them (disputes, exceptions):
 * every night this deletes what is older than {@code lastmile.live.position-retention}. Deleting twice is harmless,
 * so every instance of a cluster may run it.
 */
@Singleton
public class PositionRetention {

    private static final Logger LOG = Logger.getLogger(PositionRetention.class.getName());

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.live.position-retention", defaultValue = "P30D")
    Duration retention;

    public record Deleted(String before, int positions, int trackPoints) {
    }

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        Deleted deleted = deleteExpired();
        LOG.info(() -> "position retention: deleted " + deleted.positions() + " positions and " + deleted.trackPoints()
                + " track points older than " + deleted.before());
    }

    public Deleted deleteExpired() {
        Instant before = Instant.now().minus(retention);
        int trackPoints = em.createNamedQuery(TrackPoint.OLDER_THAN).setParameter("before", before).executeUpdate();
        int positions = em.createNamedQuery(VanPosition.OLDER_THAN).setParameter("before", before).executeUpdate();
        return new Deleted(before.toString(), positions, trackPoints);
    }
}
