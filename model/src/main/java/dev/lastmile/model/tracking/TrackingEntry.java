package dev.lastmile.model.tracking;

import dev.lastmile.model.parcel.TrackingId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** One line of a parcel's public timeline. Immutable once written: the timeline is a history. */
@Entity
@Table(name = "tracking_entry")
@NamedQuery(name = TrackingEntry.TIMELINE, query = "SELECT e FROM TrackingEntry e WHERE e.trackingId = :trackingId"
        + " ORDER BY e.occurredAt, e.id")
public class TrackingEntry {

    public static final String TIMELINE = "TrackingEntry.timeline";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tracking_entry_serial")
    @TableGenerator(name = "tracking_entry_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "tracking_entry", allocationSize = 500)
    private Long id;

    @Column(name = "tracking_id", nullable = false, length = 18)
    private String trackingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private TrackingCode code;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 240)
    private String description;

    protected TrackingEntry() {
    }

    public TrackingEntry(TrackingId trackingId, TrackingCode code, Instant occurredAt, String description) {
        this.trackingId = trackingId.value();
        this.code = code;
        this.occurredAt = occurredAt;
        this.description = description;
    }

    public TrackingCode code() {
        return code;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String description() {
        return description;
    }
}
