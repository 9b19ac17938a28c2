package dev.lastmile.model.fleet;

import dev.lastmile.model.geo.GeoPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalTime;

/** A local depot: where parcels are sorted and routes start and end. */
@Entity
@Table(name = "depot")
@NamedQuery(name = Depot.BY_CODE, query = "SELECT d FROM Depot d WHERE d.code = :code")
@NamedQuery(name = Depot.ALL, query = "SELECT d FROM Depot d ORDER BY d.code")
public class Depot {

    public static final String BY_CODE = "Depot.byCode";
    public static final String ALL = "Depot.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    @Column(nullable = false)
    private LocalTime opens = LocalTime.of(7, 0);

    @Column(nullable = false)
    private LocalTime closes = LocalTime.of(21, 0);

    /** How this depot's routes measure distance: a depot in a region with an OSM extract uses its roads. */
    @Enumerated(EnumType.STRING)
    @Column(name = "distance_model", nullable = false, length = 16)
    private DistanceModel distanceModel = DistanceModel.STRAIGHT_LINE;

    protected Depot() {
    }

    public Depot(String code, String name, GeoPoint location) {
        this.code = code;
        this.name = name;
        this.latitude = location.latitude();
        this.longitude = location.longitude();
    }

    public void operate(LocalTime opens, LocalTime closes, DistanceModel distanceModel) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opens must be before closes");
        }
        this.opens = opens;
        this.closes = closes;
        this.distanceModel = distanceModel;
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    public DistanceModel distanceModel() {
        return distanceModel;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }
}
