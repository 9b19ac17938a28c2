package dev.lastmile.model.live;

import dev.lastmile.model.geo.GeoPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a route's van is: its latest GPS fix, one row per route. It also remembers the last point the track kept,
 * so the track can be thinned without reading it back. Personal data of the driver: only the depot's staff see it.
 */
@Entity
@Table(name = "van_position")
@NamedQuery(name = VanPosition.OF_DEPOT_SINCE, query = "SELECT v FROM VanPosition v WHERE v.depotId = :depot"
        + " AND v.fixedAt >= :since ORDER BY v.routeId")
@NamedQuery(name = VanPosition.OLDER_THAN, query = "DELETE FROM VanPosition v WHERE v.fixedAt < :before")
public class VanPosition {

    public static final String OF_DEPOT_SINCE = "VanPosition.ofDepotSince";
    public static final String OLDER_THAN = "VanPosition.olderThan";

    @Id
    @Column(name = "route_id")
    private long routeId;

    @Column(name = "depot_id", nullable = false)
    private long depotId;

    private double latitude;

    private double longitude;

    @Column(name = "accuracy_m")
    private Double accuracyMetres;

    @Column(name = "speed_kmh")
    private Double speedKmh;

    @Column(name = "fixed_at", nullable = false)
    private Instant fixedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "track_latitude", nullable = false)
    private double trackLatitude;

    @Column(name = "track_longitude", nullable = false)
    private double trackLongitude;

    @Column(name = "tracked_at", nullable = false)
    private Instant trackedAt;

    protected VanPosition() {
    }

    /** The route's first fix: it is also the track's first point. */
    public VanPosition(long routeId, long depotId, Fix fix, Instant receivedAt) {
        this.routeId = routeId;
        this.depotId = depotId;
        moveTo(fix, receivedAt);
        keptInTrack(fix);
    }

    public void moveTo(Fix fix, Instant receivedAt) {
        this.latitude = fix.at().latitude();
        this.longitude = fix.at().longitude();
        this.accuracyMetres = fix.accuracyMetres();
        this.speedKmh = fix.speedKmh();
        this.fixedAt = fix.fixedAt();
        this.receivedAt = receivedAt;
    }

    public void keptInTrack(Fix fix) {
        this.trackLatitude = fix.at().latitude();
        this.trackLongitude = fix.at().longitude();
        this.trackedAt = fix.fixedAt();
    }

    /** Whether the track keeps this fix: far enough in time or space from the point it kept last. */
    public boolean trackKeeps(Fix fix, Duration every, double metres) {
        return !fix.fixedAt().isBefore(trackedAt.plus(every))
                || new GeoPoint(trackLatitude, trackLongitude).kilometresTo(fix.at()) * 1000 >= metres;
    }

    public long routeId() {
        return routeId;
    }

    public long depotId() {
        return depotId;
    }

    public GeoPoint at() {
        return new GeoPoint(latitude, longitude);
    }

    public Instant fixedAt() {
        return fixedAt;
    }

    public Optional<Double> accuracyMetres() {
        return Optional.ofNullable(accuracyMetres);
    }

    public Optional<Double> speedKmh() {
        return Optional.ofNullable(speedKmh);
    }
}
