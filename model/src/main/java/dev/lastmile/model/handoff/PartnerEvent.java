package dev.lastmile.model.handoff;

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

/**
 * A status report a partner sent, under its own event id: stored once, so a report sent again is acknowledged and
 * ignored. Only reports that were taken are kept; a refused one may be sent again, corrected, under the same id.
 */
@Entity
@Table(name = "partner_event")
@NamedQuery(name = PartnerEvent.KNOWN_IDS, query = "SELECT e.eventId FROM PartnerEvent e WHERE e.partnerId = :partner"
        + " AND e.eventId IN :ids")
public class PartnerEvent {

    public static final String KNOWN_IDS = "PartnerEvent.knownIds";

    /** Taken as the parcel's new state, or, being older than what the partner reported already, as history. */
    public enum Outcome {
        APPLIED,
        HISTORY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "partner_event_serial")
    @TableGenerator(name = "partner_event_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "partner_event", allocationSize = 500)
    private Long id;

    @Column(name = "partner_id", nullable = false)
    private long partnerId;

    @Column(name = "event_id", nullable = false, length = 64)
    private String eventId;

    @Column(name = "handoff_id", nullable = false)
    private long handoffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private PartnerStatus status;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Outcome outcome;

    @Column(nullable = false, length = 8)
    private String channel;

    protected PartnerEvent() {
    }

    public PartnerEvent(long partnerId, String eventId, long handoffId, PartnerStatus status, Instant occurredAt,
                        Instant receivedAt, Outcome outcome, String channel) {
        this.partnerId = partnerId;
        this.eventId = eventId;
        this.handoffId = handoffId;
        this.status = status;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.channel = channel;
    }

    public String eventId() {
        return eventId;
    }

    public Outcome outcome() {
        return outcome;
    }
}
