package dev.lastmile.model.proof;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.NextStep;
import dev.lastmile.model.parcel.Parcel;
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

/** A delivery that did not happen, why, and what the policy decided next. */
@Entity
@Table(name = "failed_attempt")
@NamedQuery(name = FailedAttempt.OF_ROUTE, query = "SELECT a FROM FailedAttempt a JOIN FETCH a.parcel WHERE a.routeId = :route")
public class FailedAttempt {

    public static final String OF_ROUTE = "FailedAttempt.ofRoute";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "failed_attempt_serial")
    @TableGenerator(name = "failed_attempt_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "failed_attempt", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parcel_id")
    private Parcel parcel;

    @Column(name = "route_id")
    private Long routeId;

    @Column(name = "driver_id")
    private Long driverId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private FailureReason reason;

    @Column(name = "attempt_no", nullable = false)
    private int attemptNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_step", nullable = false, length = 24)
    private NextStep nextStep;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    protected FailedAttempt() {
    }

    public FailedAttempt(Parcel parcel, Long routeId, Long driverId, FailureReason reason, int attemptNumber,
                         NextStep nextStep, Instant attemptedAt, GeoPoint location) {
        this.parcel = parcel;
        this.routeId = routeId;
        this.driverId = driverId;
        this.reason = reason;
        this.attemptNumber = attemptNumber;
        this.nextStep = nextStep;
        this.attemptedAt = attemptedAt;
        this.latitude = location.latitude();
        this.longitude = location.longitude();
    }

    public Long id() {
        return id;
    }

    public Parcel parcel() {
        return parcel;
    }

    public int attemptNumber() {
        return attemptNumber;
    }

    public FailureReason reason() {
        return reason;
    }

    public NextStep nextStep() {
        return nextStep;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }
}
