package dev.lastmile.model.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A point of a route's thinned track: enough to draw the day's way, not every fix. */
@Entity
@Table(name = "route_track")
@NamedQuery(name = TrackPoint.OF_ROUTE, query = "SELECT t FROM TrackPoint t WHERE t.routeId = :route ORDER BY t.fixedAt")
@NamedQuery(name = TrackPoint.OLDER_THAN, query = "DELETE FROM TrackPoint t WHERE t.fixedAt < :before")
public class TrackPoint {

    public static final String OF_ROUTE = "TrackPoint.ofRoute";
    public static final String OLDER_THAN = "TrackPoint.olderThan";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "route_id", nullable = false)
    private long routeId;

    @Column(name = "fixed_at", nullable = false)
    private Instant fixedAt;

    private double latitude;

    private double longitude;

    @Column(name = "accuracy_m")
    private Double accuracyMetres;

    @Column(name = "speed_kmh")
    private Double speedKmh;

    protected TrackPoint() {
    }

    public TrackPoint(long routeId, Fix fix) {
        this.routeId = routeId;
        this.fixedAt = fix.fixedAt();
        this.latitude = fix.at().latitude();
        this.longitude = fix.at().longitude();
        this.accuracyMetres = fix.accuracyMetres();
        this.speedKmh = fix.speedKmh();
    }

    public Instant fixedAt() {
        return fixedAt;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }
}
