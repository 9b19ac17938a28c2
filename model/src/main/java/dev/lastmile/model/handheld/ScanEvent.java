package dev.lastmile.model.handheld;

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
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/**
 * One event as a handheld sent it, stored once: the device's own event id makes a re-sent batch
 * harmless. Immutable: it is the record of what the driver reported, and when.
 */
@Entity
@Table(name = "scan_event")
// Known to any of the driver's handhelds: a device paired again under a new registration re-sends its queue.
@NamedQuery(name = ScanEvent.KNOWN_IDS, query = "SELECT e.deviceEventId FROM ScanEvent e WHERE e.deviceEventId IN :ids"
        + " AND e.deviceId IN (SELECT d.id FROM HandheldDevice d WHERE d.driver = :driver)")
@NamedQuery(name = ScanEvent.DELIVERY_OF_DRIVER, query = "SELECT e FROM ScanEvent e WHERE e.deviceEventId = :event"
        + " AND e.type = :type"
        + " AND e.deviceId IN (SELECT d.id FROM HandheldDevice d WHERE d.driver = :driver)")
@NamedQuery(name = ScanEvent.OF_ROUTE, query = "SELECT e FROM ScanEvent e WHERE e.routeId = :route AND e.type = :type")
public class ScanEvent {

    public static final String KNOWN_IDS = "ScanEvent.knownIds";
    public static final String OF_ROUTE = "ScanEvent.ofRoute";
    /** An event of a type (a delivery) that any of the driver's handheld registrations sent, by its device event id. */
    public static final String DELIVERY_OF_DRIVER = "ScanEvent.deliveryOfDriver";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "scan_event_serial")
    @TableGenerator(name = "scan_event_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "scan_event", allocationSize = 500)
    private Long id;

    @Column(name = "device_id", nullable = false)
    private long deviceId;

    @Column(name = "device_event_id", nullable = false, length = 64)
    private String deviceEventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private ScanType type;

    @Column(name = "tracking_id", length = 18)
    private String trackingId;

    @Column(name = "route_id")
    private Long routeId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    private Double latitude;

    private Double longitude;

    @Column(name = "accuracy_m")
    private Double accuracyMetres;

    protected ScanEvent() {
    }

    public ScanEvent(long deviceId, String deviceEventId, ScanType type, String trackingId, Long routeId,
                     Instant occurredAt, Instant receivedAt, GeoPoint location, Double accuracyMetres) {
        this.deviceId = deviceId;
        this.deviceEventId = deviceEventId;
        this.type = type;
        this.trackingId = trackingId;
        this.routeId = routeId;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
        this.latitude = location == null ? null : location.latitude();
        this.longitude = location == null ? null : location.longitude();
        this.accuracyMetres = accuracyMetres;
    }

    public String trackingId() {
        return trackingId;
    }

    public ScanType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
