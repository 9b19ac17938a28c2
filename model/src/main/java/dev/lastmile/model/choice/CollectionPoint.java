package dev.lastmile.model.choice;

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

/** A pickup point (a shop counter) or a parcel locker, where recipients collect parcels themselves. */
@Entity
@Table(name = "collection_point")
@NamedQuery(name = CollectionPoint.ALL, query = "SELECT c FROM CollectionPoint c ORDER BY c.code")
@NamedQuery(name = CollectionPoint.BY_CODE, query = "SELECT c FROM CollectionPoint c WHERE c.code = :code")
public class CollectionPoint {

    public static final String ALL = "CollectionPoint.all";
    public static final String BY_CODE = "CollectionPoint.byCode";

    public enum Kind { PICKUP_POINT, LOCKER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "address_line", nullable = false, length = 200)
    private String addressLine;

    @Column(nullable = false, length = 80)
    private String town;

    @Column(nullable = false, length = 12)
    private String postcode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    protected CollectionPoint() {
    }

    public CollectionPoint(String code, Kind kind, String name, String addressLine, String town, String postcode,
                           String country, GeoPoint location) {
        this.code = code;
        this.kind = kind;
        this.name = name;
        this.addressLine = addressLine;
        this.town = town;
        this.postcode = postcode;
        this.country = country;
        this.latitude = location.latitude();
        this.longitude = location.longitude();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String addressLine() {
        return addressLine;
    }

    public String town() {
        return town;
    }

    public String postcode() {
        return postcode;
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }
}
