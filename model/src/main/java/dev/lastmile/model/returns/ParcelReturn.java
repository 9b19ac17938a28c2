package dev.lastmile.model.returns;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.TrackingId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** A return of a delivered parcel to its shipper, tracked under an id of its own. */
@Entity
@Table(name = "parcel_return")
@NamedQuery(name = ParcelReturn.BY_TRACKING_ID, query = "SELECT r FROM ParcelReturn r WHERE r.trackingId = :trackingId")
@NamedQuery(name = ParcelReturn.PICKUPS_DUE, query = "SELECT r FROM ParcelReturn r WHERE r.parcel.depot = :depot"
        + " AND r.status = dev.lastmile.model.returns.ReturnStatus.OPENED"
        + " AND r.parcel.status = dev.lastmile.model.parcel.ParcelStatus.DELIVERED ORDER BY r.openedAt")
@NamedQuery(name = ParcelReturn.OPEN_FOR_PARCEL, query = "SELECT r FROM ParcelReturn r WHERE r.parcel = :parcel")
public class ParcelReturn {

    public static final String BY_TRACKING_ID = "ParcelReturn.byTrackingId";
    public static final String OPEN_FOR_PARCEL = "ParcelReturn.openForParcel";
    /** Customers' returns of a depot still to be collected from the recipient's door. */
    public static final String PICKUPS_DUE = "ParcelReturn.pickupsDue";

    /** SSCC extension digit that marks return ids apart from parcel ids. */
    public static final int EXTENSION_DIGIT = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "return_serial")
    @TableGenerator(name = "return_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "return", allocationSize = 20)
    private Long id;

    @Column(name = "tracking_id", nullable = false, unique = true, length = 18)
    private String trackingId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parcel_id")
    private Parcel parcel;

    @Column(nullable = false, length = 240)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReturnStatus status;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "pickup_route_id")
    private Long pickupRouteId;

    protected ParcelReturn() {
    }

    public ParcelReturn(Parcel parcel, String reason, Instant openedAt) {
        this.parcel = parcel;
        this.reason = reason;
        this.status = ReturnStatus.OPENED;
        this.openedAt = openedAt;
    }

    public TrackingId issueTrackingId(String companyPrefix) {
        if (id == null || trackingId != null) {
            throw new IllegalStateException("a return gets its tracking id once, after it is persisted");
        }
        TrackingId issued = TrackingId.sscc(EXTENSION_DIGIT, companyPrefix, id);
        trackingId = issued.value();
        return issued;
    }

    public TrackingId trackingId() {
        return new TrackingId(trackingId);
    }

    public void pickupPlanned(long routeId) {
        status = ReturnStatus.PICKUP_PLANNED;
        pickupRouteId = routeId;
    }

    public Long id() {
        return id;
    }

    public Parcel parcel() {
        return parcel;
    }

    public String reason() {
        return reason;
    }

    public ReturnStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }
}
