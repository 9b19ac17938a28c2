package dev.lastmile.model.notify;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A message in the transactional outbox: written in the transaction of the change it announces, so
 * it exists exactly when the change does, and sent by the dispatcher after commit. The event key is
 * unique: one event never yields two messages on one channel. A dispatcher claims a message before it
 * sends it (a token and a lease in {@code next_attempt_at}): another instance skips it while the lease
 * lasts, and a dispatcher that died takes nothing with it, the lease runs out and the message is due again.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.OF_PARCEL, query = "SELECT n FROM Notification n WHERE n.parcelId = :parcelId ORDER BY n.id")
public class Notification {

    public static final String OF_PARCEL = "Notification.ofParcel";

    public enum Status { PENDING, SENT, FAILED, OPTED_OUT }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "notification_serial")
    @TableGenerator(name = "notification_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "notification", allocationSize = 500)
    private Long id;

    @Column(name = "event_key", nullable = false, length = 120)
    private String eventKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Channel channel;

    @Column(nullable = false, length = 32)
    private String template;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "parcel_id")
    private Long parcelId;

    @Column(name = "shipper_id")
    private Long shipperId;

    /** The partner 3PL a {@link Channel#PARTNER} message goes to. */
    @Column(name = "partner_id")
    private Long partnerId;

    /** Email address, phone number or webhook URL. */
    @Column(nullable = false, length = 500)
    private String address;

    /** Template values (key=value lines) or, for a webhook, the JSON body: rendered when sent. */
    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "claim_token", length = 36)
    private String claimToken;

    protected Notification() {
    }

    public Notification(String eventKey, Channel channel, String template, String language, Long parcelId,
                        Long shipperId, String address, String payload, Instant createdAt) {
        this.eventKey = eventKey.length() > 120 ? eventKey.substring(0, 120) : eventKey;
        this.channel = channel;
        this.template = template;
        this.language = language;
        this.parcelId = parcelId;
        this.shipperId = shipperId;
        this.address = address;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    /** Whether the dispatcher holding {@code token} may still send it: pending, and not claimed by another since. */
    public boolean claimedBy(String token) {
        return status == Status.PENDING && token.equals(claimToken);
    }

    public void sent(Instant at) {
        claimToken = null;
        attempts++;
        status = Status.SENT;
        sentAt = at;
        lastError = null;
    }

    /** A failed try: back off exponentially, and give up after {@code maxAttempts}. */
    public void failed(String error, Instant at, Duration firstBackoff, int maxAttempts) {
        claimToken = null;
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return;
        }
        long factor = 1L << Math.min(attempts - 1, 16);
        nextAttemptAt = at.plus(firstBackoff.multipliedBy(factor));
    }

    public void optedOut() {
        claimToken = null;
        status = Status.OPTED_OUT;
    }

    public Long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public String template() {
        return template;
    }

    public String language() {
        return language;
    }

    /** A recall or redirection for a partner: its callback signs with the partner's secret. */
    public static Notification toPartner(String eventKey, String kind, long partnerId, String url, String payload,
                                         Instant createdAt) {
        Notification notification = new Notification(eventKey, Channel.PARTNER, kind, "en", null, null, url, payload,
                createdAt);
        notification.partnerId = partnerId;
        return notification;
    }

    public Long partnerId() {
        return partnerId;
    }

    public Long shipperId() {
        return shipperId;
    }

    public String address() {
        return address;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public String eventKey() {
        return eventKey;
    }
}
