package dev.lastmile.model.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * An open stop's live ETA and the window the recipient was told. The window only narrows inside itself; when the
 * ETA leaves it, the window moves and the recipient hears of it.
 */
@Entity
@Table(name = "stop_forecast")
@NamedQuery(name = StopForecast.OF_ROUTE, query = "SELECT f FROM StopForecast f WHERE f.routeId = :route")
@NamedQuery(name = StopForecast.OF_PARCEL, query = "SELECT f FROM StopForecast f WHERE f.trackingId = :trackingId"
        + " ORDER BY f.updatedAt DESC")
public class StopForecast {

    public static final String OF_ROUTE = "StopForecast.ofRoute";
    public static final String OF_PARCEL = "StopForecast.ofParcel";

    @Id
    @Column(name = "stop_id")
    private long stopId;

    @Column(name = "route_id", nullable = false)
    private long routeId;

    @Column(name = "tracking_id", nullable = false, length = 18)
    private String trackingId;

    @Column(name = "live_eta", nullable = false)
    private LocalDateTime liveEta;

    @Column(name = "told_from", nullable = false)
    private LocalDateTime toldFrom;

    @Column(name = "told_to", nullable = false)
    private LocalDateTime toldTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private WindowStage stage;

    @Column(name = "stops_before", nullable = false)
    private int stopsBefore;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StopForecast() {
    }

    public StopForecast(long stopId, long routeId, String trackingId, LocalDateTime toldFrom, LocalDateTime toldTo,
                        LocalDateTime liveEta, Instant at) {
        this.stopId = stopId;
        this.routeId = routeId;
        this.trackingId = trackingId;
        this.toldFrom = toldFrom;
        this.toldTo = toldTo;
        this.liveEta = liveEta;
        this.stage = WindowStage.HOUR;
        this.updatedAt = at;
    }

    /** The new forecast; a change of under a minute is not written (every fix would rewrite every stop). */
    public void forecast(LocalDateTime eta, int stopsBefore, Instant at) {
        if (stopsBefore == this.stopsBefore && Math.abs(java.time.Duration.between(liveEta, eta).toSeconds()) < 60) {
            return;
        }
        this.liveEta = eta;
        this.stopsBefore = stopsBefore;
        this.updatedAt = at;
    }

    public void tell(LocalDateTime from, LocalDateTime to, WindowStage stage) {
        this.toldFrom = from;
        this.toldTo = to;
        this.stage = stage;
    }

    public long stopId() {
        return stopId;
    }

    public long routeId() {
        return routeId;
    }

    public String trackingId() {
        return trackingId;
    }

    public LocalDateTime liveEta() {
        return liveEta;
    }

    public LocalDateTime toldFrom() {
        return toldFrom;
    }

    public LocalDateTime toldTo() {
        return toldTo;
    }

    public WindowStage stage() {
        return stage;
    }

    public int stopsBefore() {
        return stopsBefore;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
