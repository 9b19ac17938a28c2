package dev.lastmile.model.proof;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.RuleViolation;
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
import java.util.Optional;

/** Something staff should review: a delivery that looks wrong, or a parcel missing at day close. */
@Entity
@Table(name = "pod_exception")
@NamedQuery(name = PodException.OPEN, query = "SELECT x FROM PodException x JOIN FETCH x.parcel WHERE x.resolvedAt IS NULL"
        + " ORDER BY x.raisedAt")
@NamedQuery(name = PodException.OF_ROUTE, query = "SELECT x FROM PodException x WHERE x.routeId = :route")
public class PodException {

    public static final String OPEN = "PodException.open";
    public static final String OF_ROUTE = "PodException.ofRoute";

    public enum Kind {
        /** Delivered further from the address than the geofence allows. */
        FAR_FROM_ADDRESS,
        /** Delivered before the route left or long after its last planned stop. */
        OUTSIDE_ROUTE_TIME,
        /** Neither delivered nor scanned back at day close. */
        MISSING_AT_DAY_CLOSE,
        /** Delivered with photos to follow that had not arrived when the route was closed. */
        PHOTOS_MISSING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "pod_exception_serial")
    @TableGenerator(name = "pod_exception_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "pod_exception", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Kind kind;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parcel_id")
    private Parcel parcel;

    @Column(name = "route_id")
    private Long routeId;

    @Column(name = "proof_id")
    private Long proofId;

    @Column(nullable = false, length = 400)
    private String detail;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Resolution resolution;

    @Column(name = "review_note", length = 400)
    private String reviewNote;

    @Column(name = "reviewed_by", length = 80)
    private String reviewedBy;

    /** What staff concluded: the delivery stands (accepted) or is disputed and followed up (rejected). */
    public enum Resolution {
        ACCEPTED,
        REJECTED
    }

    protected PodException() {
    }

    public PodException(Kind kind, Parcel parcel, Long routeId, Long proofId, String detail, Instant raisedAt) {
        this.kind = kind;
        this.parcel = parcel;
        this.routeId = routeId;
        this.proofId = proofId;
        this.detail = detail;
        this.raisedAt = raisedAt;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Parcel parcel() {
        return parcel;
    }

    public Long routeId() {
        return routeId;
    }

    public Long proofId() {
        return proofId;
    }

    public String detail() {
        return detail;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    /** Staff closed the review; an exception is reviewed once. */
    public void review(Resolution decision, String note, String reviewer, Instant at) {
        if (resolvedAt != null) {
            throw new RuleViolation("exception-already-reviewed", "Exception already reviewed",
                    "Exception " + id + " was " + resolution.name().toLowerCase() + " by " + reviewedBy + ".");
        }
        this.resolution = decision;
        this.reviewNote = note;
        this.reviewedBy = reviewer;
        this.resolvedAt = at;
    }

    public Optional<Resolution> resolution() {
        return Optional.ofNullable(resolution);
    }

    public Optional<String> reviewNote() {
        return Optional.ofNullable(reviewNote);
    }

    public Optional<String> reviewedBy() {
        return Optional.ofNullable(reviewedBy);
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }
}
