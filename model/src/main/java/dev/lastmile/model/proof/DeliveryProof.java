package dev.lastmile.model.proof;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Parcel;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The evidence that a parcel reached its recipient: who took it, where, when, and their signature. */
@Entity
@Table(name = "delivery_proof")
@NamedQuery(name = DeliveryProof.OF_DEPOT_DAY, query = "SELECT p FROM DeliveryProof p JOIN FETCH p.parcel"
        + " WHERE p.parcel.depot.code = :depot AND p.deliveredAt >= :from AND p.deliveredAt < :to ORDER BY p.deliveredAt")
public class DeliveryProof {

    public static final String OF_DEPOT_DAY = "DeliveryProof.ofDepotDay";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "parcel_id", unique = true)
    private Parcel parcel;

    @Column(name = "received_by", nullable = false, length = 120)
    private String receivedBy;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "signature_png", nullable = false)
    private byte[] signaturePng;

    @Column(name = "delivered_at", nullable = false)
    private Instant deliveredAt;

    protected DeliveryProof() {
    }

    public DeliveryProof(Parcel parcel, String receivedBy, GeoPoint location, byte[] signaturePng, Instant deliveredAt) {
        this.parcel = parcel;
        this.receivedBy = receivedBy;
        this.latitude = location.latitude();
        this.longitude = location.longitude();
        this.signaturePng = signaturePng.clone();
        this.deliveredAt = deliveredAt;
    }

    public Long id() {
        return id;
    }

    public Parcel parcel() {
        return parcel;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
