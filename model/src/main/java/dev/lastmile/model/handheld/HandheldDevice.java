package dev.lastmile.model.handheld;

import dev.lastmile.model.fleet.Driver;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A driver's handheld, known by the token the back office issued to it. Only a hash of the token
 * is kept: a leaked table does not let anyone impersonate a driver.
 */
@Entity
@Table(name = "handheld_device")
@NamedQuery(name = HandheldDevice.BY_TOKEN_HASH, query = "SELECT d FROM HandheldDevice d JOIN FETCH d.driver"
        + " WHERE d.tokenHash = :hash AND d.revokedAt IS NULL AND d.expiresAt > :now")
public class HandheldDevice {

    public static final String BY_TOKEN_HASH = "HandheldDevice.byTokenHash";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "driver_id")
    private Driver driver;

    @Column(nullable = false, length = 64)
    private String label;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected HandheldDevice() {
    }

    public HandheldDevice(Driver driver, String label, String tokenHash, Instant issuedAt, Instant expiresAt) {
        this.driver = driver;
        this.label = label;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** A new token replaces the old one, which stops working at once. */
    public void rotate(String newTokenHash, Instant at, Instant newExpiry) {
        this.tokenHash = newTokenHash;
        this.issuedAt = at;
        this.expiresAt = newExpiry;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public Driver driver() {
        return driver;
    }

    public String label() {
        return label;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
