package dev.lastmile.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the audit trail: who (and in which roles) did what to which ids, when, from where.
 * Written once, never changed; {@link #hash} chains it to the entry before.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private long seq;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_kind", nullable = false, length = 16)
    private String actorKind;

    @Column(nullable = false, length = 120)
    private String actor;

    @Column(nullable = false, length = 200)
    private String roles;

    @Column(nullable = false, length = 160)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 40)
    private String subjectType;

    @Column(name = "subject_ids", nullable = false, length = 500)
    private String subjectIds;

    @Column(length = 1000)
    private String detail;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    public AuditEntry(long seq, Instant at, String actorKind, String actor, String roles, String action,
                      String subjectType, String subjectIds, String detail, String clientAddress, String prevHash) {
        this.seq = seq;
        this.at = at;
        this.actorKind = actorKind;
        this.actor = clip(actor, 120);
        this.roles = clip(roles, 200);
        this.action = clip(action, 160);
        this.subjectType = clip(subjectType, 40);
        this.subjectIds = clip(subjectIds, 500);
        this.detail = detail == null ? null : clip(detail, 1000);
        this.clientAddress = clientAddress == null ? null : clip(clientAddress, 64);
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the previous hash and every field, separated so that no two entries read alike. */
    public String computeHash() {
        String content = String.join("\u001f", prevHash, Long.toString(seq), at.toString(), actorKind, actor, roles,
                action, subjectType, subjectIds, String.valueOf(detail), String.valueOf(clientAddress));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the database will give back: well-formed UTF-8 (a lone surrogate would be stored as '?') and no
     * character cut in half, so that an honest entry always verifies.
     */
    static String clip(String text, int max) {
        String stored = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        if (stored.length() <= max) {
            return stored;
        }
        int end = Character.isHighSurrogate(stored.charAt(max - 1)) ? max - 1 : max;
        return stored.substring(0, end);
    }

    public Long id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public String actorKind() {
        return actorKind;
    }

    public String actor() {
        return actor;
    }

    public String roles() {
        return roles;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectIds() {
        return subjectIds;
    }

    public String detail() {
        return detail;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
