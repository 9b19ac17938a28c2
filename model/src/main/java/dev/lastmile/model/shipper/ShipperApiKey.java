package dev.lastmile.model.shipper;

import dev.lastmile.model.access.Credential;
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
 * One API key of a shipper. A shipper may hold two live keys while it rotates (the new one deployed,
 * the old one still in use); revoking a key ends it at once.
 */
@Entity
@Table(name = "shipper_api_key")
@NamedQuery(name = ShipperApiKey.LIVE_BY_HASH, query = "SELECT k FROM ShipperApiKey k JOIN FETCH k.shipper s"
        + " WHERE k.keyHash = :hash AND k.revokedAt IS NULL AND s.active = TRUE")
@NamedQuery(name = ShipperApiKey.OF_SHIPPER, query = "SELECT k FROM ShipperApiKey k WHERE k.shipper = :shipper"
        + " ORDER BY k.id")
public class ShipperApiKey {

    public static final String LIVE_BY_HASH = "ShipperApiKey.liveByHash";
    public static final String OF_SHIPPER = "ShipperApiKey.ofShipper";

    /** Live keys a shipper may hold at once: the current one and its successor. */
    public static final int MAX_LIVE = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shipper_id")
    private Shipper shipper;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    private String keyHash;

    /** The key's first characters, so people can tell their keys apart without seeing them. */
    @Column(name = "key_hint", nullable = false, length = 16)
    private String keyHint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ShipperApiKey() {
    }

    public ShipperApiKey(Shipper shipper, String apiKey, Instant createdAt) {
        this.shipper = shipper;
        this.keyHash = Credential.hashOf(apiKey);
        this.keyHint = apiKey.substring(0, Math.min(8, apiKey.length()));
        this.createdAt = createdAt;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public boolean live() {
        return revokedAt == null;
    }

    public Long id() {
        return id;
    }

    public Shipper shipper() {
        return shipper;
    }

    public String keyHint() {
        return keyHint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
