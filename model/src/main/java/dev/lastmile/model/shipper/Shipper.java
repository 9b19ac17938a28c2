package dev.lastmile.model.shipper;

import dev.lastmile.model.access.Credential;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A shipper account: hands parcels over with its API keys ({@link ShipperApiKey}) and hears about them
 * by webhook. Only each key's SHA-256 is kept, so a stolen database does not let anyone register parcels.
 */
@Entity
@Table(name = "shipper")
@NamedQuery(name = Shipper.BY_CODE, query = "SELECT s FROM Shipper s WHERE s.code = :code")
public class Shipper {

    public static final String BY_CODE = "Shipper.byCode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "webhook_url", length = 500)
    private String webhookUrl;

    @Column(name = "webhook_secret", length = 64)
    private String webhookSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Shipper() {
    }

    public Shipper(String code, String name, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    /** A fresh random key: shown to the shipper once, never stored. */
    public static String newApiKey() {
        return "lm_" + Credential.newSecret(24);
    }

    /** Registers (or replaces) the webhook; returns the new signing secret, shown once. */
    public String subscribe(String url) {
        this.webhookUrl = url;
        this.webhookSecret = Credential.newSecret(24);
        return webhookSecret;
    }

    public Caller asCaller() {
        return new Caller(CallerKind.SHIPPER, code, id, Set.of(Role.SHIPPER), Set.of(), false);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Optional<String> webhookUrl() {
        return Optional.ofNullable(webhookUrl);
    }

    public String webhookSecret() {
        return webhookSecret;
    }
}
