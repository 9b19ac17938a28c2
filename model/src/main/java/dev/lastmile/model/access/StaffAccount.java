package dev.lastmile.model.access;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A person of the carrier: back-office staff or a manager, with roles and the depots they work for.
 * Signs in with a password (kept only as a PBKDF2 hash) or through the carrier's identity provider.
 */
@Entity
@Table(name = "staff_account")
@EntityListeners(CredentialsListener.class)
@NamedQuery(name = StaffAccount.BY_USERNAME, query = "SELECT a FROM StaffAccount a WHERE a.username = :username")
@NamedQuery(name = StaffAccount.ALL, query = "SELECT a FROM StaffAccount a ORDER BY a.username")
@NamedQuery(name = StaffAccount.BY_EXTERNAL_SUBJECT, query = "SELECT a FROM StaffAccount a WHERE a.externalSubject = :subject")
public class StaffAccount {

    public static final String BY_USERNAME = "StaffAccount.byUsername";
    public static final String ALL = "StaffAccount.all";
    public static final String BY_EXTERNAL_SUBJECT = "StaffAccount.byExternalSubject";

    /** Where the account's identity lives. */
    public enum Origin { LOCAL, OIDC }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", length = 400)
    private String passwordHash;

    @Column(nullable = false, length = 200)
    private String roles;

    @Column(nullable = false, length = 1000)
    private String depots;

    @Column(name = "all_depots", nullable = false)
    private boolean allDepots;

    @Column(nullable = false, length = 8)
    private String origin;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "token_epoch", nullable = false)
    private int tokenEpoch;

    @Column(name = "external_subject", unique = true, length = 400)
    private String externalSubject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffAccount() {
    }

    /** An account of the carrier's identity provider, known by its issuer and subject. */
    public static StaffAccount external(String externalSubject, String username, Set<Role> roles, Set<String> depots,
                                        boolean allDepots, Instant createdAt) {
        StaffAccount account = new StaffAccount(username, username, roles, depots, allDepots, Origin.OIDC, createdAt);
        account.externalSubject = externalSubject;
        return account;
    }

    public StaffAccount(String username, String displayName, Set<Role> roles, Set<String> depots, boolean allDepots,
                        Origin origin, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.origin = origin.name();
        this.enabled = true;
        this.createdAt = createdAt;
        assign(roles, depots, allDepots);
    }

    /** New roles or depots end the tokens and sessions issued under the old ones. */
    public final void assign(Set<Role> newRoles, Set<String> newDepots, boolean everyDepot) {
        if (newRoles.isEmpty() || newRoles.stream().anyMatch(role -> !role.isStaff())) {
            throw new IllegalArgumentException("a staff account needs one or more staff roles");
        }
        String newRoleList = newRoles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        String newDepotList = String.join(",", new TreeSet<>(newDepots));
        boolean changed = roles != null && (!newRoleList.equals(roles) || !newDepotList.equals(depots) || everyDepot != allDepots);
        this.roles = newRoleList;
        this.depots = newDepotList;
        this.allDepots = everyDepot;
        if (changed) {
            revokeTokens();
        }
    }

    /** May this account act as an administrator right now (enabled, not locked)? */
    public boolean isUsableAdministrator() {
        return maySignIn() && roles().contains(Role.ADMIN);
    }

    public void setPasswordHash(String encoded) {
        this.passwordHash = encoded;
    }

    /** Ends every token and session issued so far. */
    public void revokeTokens() {
        tokenEpoch++;
    }

    public void lock(Instant at) {
        if (lockedAt == null) {
            lockedAt = at;
            revokeTokens();
        }
    }

    public void unlock() {
        lockedAt = null;
    }

    public void disable() {
        enabled = false;
        revokeTokens();
    }

    public void enable() {
        enabled = true;
    }

    public boolean maySignIn() {
        return enabled && lockedAt == null;
    }

    public Caller asCaller() {
        return new Caller(CallerKind.STAFF, username, id, roles(), depots(), allDepots);
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public Set<String> depots() {
        return depots.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(depots.split(",")));
    }

    public boolean allDepots() {
        return allDepots;
    }

    public Origin origin() {
        return Origin.valueOf(origin);
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant lockedAt() {
        return lockedAt;
    }

    public int tokenEpoch() {
        return tokenEpoch;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
