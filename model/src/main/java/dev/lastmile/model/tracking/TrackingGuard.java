package dev.lastmile.model.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import dev.lastmile.model.problem.TooManyRequests;
import java.util.Optional;

/**
 * Counts wrong postcodes tried against one tracking id. Past a limit within a window the id is
 * blocked for a while, so nobody can walk the postcode space to learn where a parcel goes.
 */
@Entity
@Table(name = "tracking_guard")
public class TrackingGuard {

    @Id
    @Column(name = "tracking_id", length = 18)
    private String trackingId;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started", nullable = false)
    private Instant windowStarted;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected TrackingGuard() {
    }

    public TrackingGuard(String trackingId, Instant now) {
        this.trackingId = trackingId;
        this.windowStarted = now;
    }

    public void wrongPostcode(Instant now, int limit, Duration window, Duration block) {
        if (now.isAfter(windowStarted.plus(window))) {
            windowStarted = now;
            failures = 0;
        }
        failures++;
        if (failures >= limit) {
            blockedUntil = now.plus(block);
        }
    }

    /** @throws TooManyRequests while the id is blocked, saying when to try again */
    public void requireNotBlocked(Instant now) {
        blockedAt(now).ifPresent(until -> {
            throw new TooManyRequests("Too many wrong postcodes for this parcel; try again after " + until + ".",
                    Math.max(1, Duration.between(now, until).toSeconds()));
        });
    }

    public Optional<Instant> blockedAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil) ? Optional.of(blockedUntil) : Optional.empty();
    }
}
