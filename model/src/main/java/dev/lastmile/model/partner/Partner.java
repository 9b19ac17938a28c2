package dev.lastmile.model.partner;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.CredentialsListener;
import dev.lastmile.model.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A partner 3PL on record. It proves who it is with its client secret, of which only the SHA-256 is
 * kept; its code on every handoff comes from that credential, never from what it sends.
 */
@Entity
@Table(name = "partner")
@EntityListeners(CredentialsListener.class)
@NamedQuery(name = Partner.BY_CODE, query = "SELECT p FROM Partner p WHERE p.code = :code")
@NamedQuery(name = Partner.ALL, query = "SELECT p FROM Partner p ORDER BY p.code")
@NamedQuery(name = Partner.ACTIVE, query = "SELECT p FROM Partner p WHERE p.active = true ORDER BY p.code")
public class Partner {

    public static final String BY_CODE = "Partner.byCode";
    public static final String ALL = "Partner.all";
    public static final String ACTIVE = "Partner.active";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "token_epoch", nullable = false)
    private int tokenEpoch;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private PartnerTerms terms = new PartnerTerms();

    @Enumerated(EnumType.STRING)
    @Column(name = "callback_kind", nullable = false, length = 8)
    private CallbackKind callbackKind = CallbackKind.NONE;

    @Column(name = "callback_url", length = 500)
    private String callbackUrl;

    /** Signs what the carrier sends the partner (HMAC-SHA256), so it is kept as it is: the partner holds it too. */
    @Column(name = "callback_secret", length = 64)
    private String callbackSecret;

    protected Partner() {
    }

    public Partner(String code, String name, String contactEmail, String secretHash, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.contactEmail = contactEmail;
        this.secretHash = secretHash;
        this.active = true;
        this.createdAt = createdAt;
    }

    /** A new secret replaces the old one at once, and tokens issued under the old one end. */
    public void replaceSecret(String newSecretHash) {
        this.secretHash = newSecretHash;
        tokenEpoch++;
    }

    /** Ends every token issued so far; the secret stays. */
    public void revokeTokens() {
        tokenEpoch++;
    }

    public void deactivate() {
        active = false;
        tokenEpoch++;
    }

    public void agree(PartnerTerms newTerms) {
        this.terms = newTerms;
    }

    /** Where recalls and redirections go; a new secret each time the address changes. */
    public void callBackAt(CallbackKind kind, String url, String secret) {
        this.callbackKind = kind;
        this.callbackUrl = kind == CallbackKind.NONE ? null : url;
        this.callbackSecret = kind == CallbackKind.NONE ? null : secret;
    }

    public PartnerTerms terms() {
        return terms == null ? new PartnerTerms() : terms;
    }

    public CallbackKind callbackKind() {
        return callbackKind;
    }

    public Optional<String> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    public Optional<String> callbackSecret() {
        return Optional.ofNullable(callbackSecret);
    }

    public Caller asCaller() {
        return new Caller(CallerKind.PARTNER, code, id, Set.of(Role.PARTNER), Set.of(), false);
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

    public String contactEmail() {
        return contactEmail;
    }

    public String secretHash() {
        return secretHash;
    }

    public boolean active() {
        return active;
    }

    public int tokenEpoch() {
        return tokenEpoch;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
