package dev.lastmile.model.proof;

import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.route.Route;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Optional;

/** The evidence that a parcel reached its recipient: how, to whom, where, when, and by which driver. */
@Entity
@Table(name = "delivery_proof")
@NamedQuery(name = DeliveryProof.OF_DEPOT_DAY, query = "SELECT p FROM DeliveryProof p JOIN FETCH p.parcel"
        + " WHERE p.parcel.depot.code = :depot AND p.deliveredAt >= :from AND p.deliveredAt < :to ORDER BY p.deliveredAt")
@NamedQuery(name = DeliveryProof.OF_PARCEL, query = "SELECT p FROM DeliveryProof p WHERE p.parcel = :parcel")
@NamedQuery(name = DeliveryProof.OF_ROUTE, query = "SELECT p FROM DeliveryProof p JOIN FETCH p.parcel WHERE p.route = :route")
public class DeliveryProof {

    public static final String OF_DEPOT_DAY = "DeliveryProof.ofDepotDay";
    public static final String OF_PARCEL = "DeliveryProof.ofParcel";
    public static final String OF_ROUTE = "DeliveryProof.ofRoute";

    /** What the handheld captured at the door. */
    public record Evidence(DeliveryMethod method, String receivedBy, String neighbourHouse, String lockerCompartment,
                           GeoPoint location, Double accuracyMetres, byte[] signaturePng) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "delivery_proof_serial")
    @TableGenerator(name = "delivery_proof_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "delivery_proof", allocationSize = 100)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "parcel_id", unique = true)
    private Parcel parcel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryMethod method;

    @Column(name = "received_by", nullable = false, length = 120)
    private String receivedBy;

    @Column(name = "neighbour_house", length = 80)
    private String neighbourHouse;

    @Column(name = "locker_compartment", length = 32)
    private String lockerCompartment;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    @Column(name = "accuracy_m")
    private Double accuracyMetres;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "signature_png")
    private byte[] signaturePng;

    @Column(name = "delivered_at", nullable = false)
    private Instant deliveredAt;

    /** Photos the handheld sends after the delivery itself (a weak uplink); 0 when all came with it. */
    @Column(name = "photos_to_follow", nullable = false)
    private int photosToFollow;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "route_id")
    private Route route;

    @ManyToOne
    @JoinColumn(name = "driver_id")
    private Driver driver;

    protected DeliveryProof() {
    }

    public DeliveryProof(Parcel parcel, Evidence evidence, Instant deliveredAt, Route route, Driver driver) {
        this.parcel = parcel;
        this.method = evidence.method();
        this.receivedBy = evidence.receivedBy();
        this.neighbourHouse = evidence.neighbourHouse();
        this.lockerCompartment = evidence.lockerCompartment();
        this.latitude = evidence.location().latitude();
        this.longitude = evidence.location().longitude();
        this.accuracyMetres = evidence.accuracyMetres();
        this.signaturePng = evidence.signaturePng() == null ? null : evidence.signaturePng().clone();
        this.deliveredAt = deliveredAt;
        this.route = route;
        this.driver = driver;
    }

    public Long id() {
        return id;
    }

    public Parcel parcel() {
        return parcel;
    }

    public DeliveryMethod method() {
        return method;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public Optional<String> neighbourHouse() {
        return Optional.ofNullable(neighbourHouse);
    }

    public Optional<String> lockerCompartment() {
        return Optional.ofNullable(lockerCompartment);
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public Optional<Double> accuracyMetres() {
        return Optional.ofNullable(accuracyMetres);
    }

    public Optional<byte[]> signaturePng() {
        return Optional.ofNullable(signaturePng).map(byte[]::clone);
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Optional<Route> route() {
        return Optional.ofNullable(route);
    }

    public Optional<Driver> driver() {
        return Optional.ofNullable(driver);
    }

    public void expectPhotos(int toFollow) {
        this.photosToFollow = toFollow;
    }

    public int photosToFollow() {
        return photosToFollow;
    }
}
