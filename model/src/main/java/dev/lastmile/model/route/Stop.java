package dev.lastmile.model.route;

import dev.lastmile.model.parcel.Parcel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Optional;

/** A call of a route at a recipient's door, with the planned arrival. */
@Entity
@Table(name = "route_stop")
@NamedQuery(name = Stop.OF_PARCELS, query = "SELECT s FROM Stop s JOIN FETCH s.route WHERE s.parcel IN :parcels AND s.kind = 'DELIVERY'"
        + " ORDER BY s.route.day DESC, s.route.id DESC")
public class Stop {

    /** The parcels' stops, latest route first (a parcel planned again after a failed attempt has several). */
    public static final String OF_PARCELS = "Stop.ofParcels";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "route_id")
    private Route route;

    @Column(name = "seq_no", nullable = false)
    private int sequence;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parcel_id")
    private Parcel parcel;

    @Column(nullable = false)
    private LocalDateTime eta;

    private LocalDateTime departs;

    /** DELIVERY hands the parcel over; PICKUP collects its return ({@link #returnOf()}) at the same address. */
    @Column(nullable = false, length = 8)
    private String kind = "DELIVERY";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "return_id")
    private dev.lastmile.model.returns.ParcelReturn returnOf;

    @Column(name = "load_kg_after")
    private Double loadKgAfter;

    protected Stop() {
    }

    Stop(Route route, int sequence, Parcel parcel, LocalDateTime eta) {
        this(route, sequence, parcel, eta, null, null);
    }

    Stop(Route route, int sequence, Parcel parcel, LocalDateTime eta, LocalDateTime departs, Double loadKgAfter) {
        this.route = route;
        this.sequence = sequence;
        this.parcel = parcel;
        this.eta = eta;
        this.departs = departs;
        this.loadKgAfter = loadKgAfter;
    }

    Stop collecting(dev.lastmile.model.returns.ParcelReturn pickup) {
        this.kind = "PICKUP";
        this.returnOf = pickup;
        return this;
    }

    public boolean isPickup() {
        return "PICKUP".equals(kind);
    }

    public Optional<dev.lastmile.model.returns.ParcelReturn> returnOf() {
        return Optional.ofNullable(returnOf);
    }

    public Optional<LocalDateTime> departs() {
        return Optional.ofNullable(departs);
    }

    public Optional<Double> loadKgAfter() {
        return Optional.ofNullable(loadKgAfter);
    }

    public Long id() {
        return id;
    }

    public int sequence() {
        return sequence;
    }

    public Parcel parcel() {
        return parcel;
    }

    public LocalDateTime eta() {
        return eta;
    }

    public Route route() {
        return route;
    }
}
