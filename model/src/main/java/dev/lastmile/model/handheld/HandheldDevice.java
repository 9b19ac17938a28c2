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
@NamedQuery(name = HandheldDevice.BY_PAIRING_HASH, query = "SELECT d FROM HandheldDevice d JOIN FETCH d.driver"
        + " WHERE d.pairingHash = :hash AND d.revokedAt IS NULL AND d.pairingExpiresAt > :now")
public class HandheldDevice {

    public static final String BY_TOKEN_HASH = "HandheldDevice.byTokenHash";
    public static final String BY_PAIRING_HASH = "HandheldDevice.byPairingHash";

    /**
     * The driver's web app holds its token in this cookie: HttpOnly, so no page script reads it, and sent to
     * the handheld API only.
     */
    public static final String COOKIE = "lastmile_handheld";

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

    @Column(name = "pairing_hash", length = 64)
    private String pairingHash;

    @Column(name = "pairing_expires_at")
    private Instant pairingExpiresAt;

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

    /** A one-time pairing code (its hash) for the device to fetch its token with; replaces an earlier code. */
    public void offerPairing(String codeHash, Instant until) {
        this.pairingHash = codeHash;
        this.pairingExpiresAt = until;
    }

    /** Pairing hands the device a new token and uses the code up. */
    public void paired(String newTokenHash, Instant at, Instant newExpiry) {
        rotate(newTokenHash, at, newExpiry);
        this.pairingHash = null;
        this.pairingExpiresAt = null;
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
