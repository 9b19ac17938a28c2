package dev.lastmile.access.accounts;

import dev.lastmile.access.signin.PasswordHashing;
import dev.lastmile.model.access.Role;
import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Opens and looks after staff accounts: roles, depots, passwords, locks. */
@ApplicationScoped
@Transactional
public class StaffAccounts {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    /** The account and, when one was generated, its password (shown this once). */
    public record Opened(StaffAccount account, String password) {
    }

    public Opened open(String username, String displayName, List<String> roleNames, List<String> depots, boolean allDepots,
                       String password) {
        Violations violations = new Violations().require("username", username).require("roles", roleNames);
        violations.check(username == null || username.matches("[a-z0-9][a-z0-9._@-]{1,63}"), "username",
                "2 to 64 lower-case letters, digits, dots, dashes, @ or underscores");
        violations.check(displayName == null || displayName.length() <= 120, "displayName", "at most 120 characters");
        violations.check(password == null || PasswordHashing.acceptable(password), "password",
                "at least 12 characters (or leave it out to get a generated one)");
        Set<Role> roles = roleNames == null ? null : violations.attempt("roles", () -> roles(roleNames));
        Set<String> depotCodes = violations.attempt("depots", () -> depots(depots));
        violations.throwIfAny();
        if (find(username).isPresent()) {
            throw new RuleViolation("account-exists", "Account exists", "There is already an account " + username + ".");
        }
        String chosen = password == null ? PasswordHashing.generated() : password;
        StaffAccount account = new StaffAccount(username, displayName == null || displayName.isBlank() ? username
                : displayName.trim(), roles, depotCodes, allDepots, StaffAccount.Origin.LOCAL, Instant.now());
        account.setPasswordHash(passwords.hash(chosen));
        em.persist(account);
        em.flush();
        return new Opened(account, password == null ? chosen : null);
    }

    public StaffAccount assign(String username, List<String> roleNames, List<String> depots, boolean allDepots) {
        StaffAccount account = existing(username);
        Violations violations = new Violations().require("roles", roleNames);
        Set<Role> roles = roleNames == null ? null : violations.attempt("roles", () -> roles(roleNames));
        Set<String> depotCodes = violations.attempt("depots", () -> depots(depots));
        violations.throwIfAny();
        if (account.isUsableAdministrator() && !roles.contains(Role.ADMIN)) {
            keepAnAdministrator(account);
        }
        account.assign(roles, depotCodes, allDepots);
        return account;
    }

    /** The last usable administrator may not be disabled or lose the role: nobody could put it right. */
    private void keepAnAdministrator(StaffAccount leaving) {
        boolean another = all().stream().anyMatch(a -> a != leaving && a.isUsableAdministrator());
        if (!another) {
            throw new RuleViolation("last-administrator", "Last administrator",
                    leaving.username() + " is the only administrator who can sign in; make another one first.");
        }
    }

    public String resetPassword(String username) {
        StaffAccount account = existing(username);
        String password = PasswordHashing.generated();
        account.setPasswordHash(passwords.hash(password));
        account.revokeTokens();
        return password;
    }

    /** Unlocked, enabled, an administrator of every depot again, with this password: the way back when nobody can sign in. */
    public StaffAccount restoreAdministrator(String username, String password) {
        StaffAccount account = unlock(username);
        account.enable();
        Set<Role> roles = EnumSet.copyOf(account.roles());
        roles.add(Role.ADMIN);
        account.assign(roles, account.depots(), true);
        account.setPasswordHash(passwords.hash(password));
        account.revokeTokens();
        return account;
    }

    public StaffAccount unlock(String username) {
        StaffAccount account = existing(username);
        account.unlock();
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE subject = ?").setParameter(1, "account:" + username)
                .executeUpdate();
        return account;
    }

    public StaffAccount disable(String username) {
        StaffAccount account = existing(username);
        if (account.isUsableAdministrator()) {
            keepAnAdministrator(account);
        }
        account.disable();
        return account;
    }

    public StaffAccount enable(String username) {
        StaffAccount account = existing(username);
        account.enable();
        return account;
    }

    public StaffAccount revokeTokens(long accountId) {
        StaffAccount account = em.find(StaffAccount.class, accountId);
        if (account == null) {
            throw new NotFound("account", String.valueOf(accountId));
        }
        account.revokeTokens();
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffAccount> all() {
        return em.createNamedQuery(StaffAccount.ALL, StaffAccount.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffAccount existing(String username) {
        return find(username).orElseThrow(() -> new NotFound("account", username));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<StaffAccount> find(String username) {
        return em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class).setParameter("username", username)
                .getResultList().stream().findFirst();
    }

    /**
     * An account of the carrier's identity provider, found by its issuer and subject (user names may change):
     * created on the first sign-in, roles and depots kept in step with the claims at every later one.
     */
    public StaffAccount provisioned(String externalSubject, String username, Set<Role> roles, Set<String> depots,
                                    boolean allDepots) {
        StaffAccount account = em.createNamedQuery(StaffAccount.BY_EXTERNAL_SUBJECT, StaffAccount.class)
                .setParameter("subject", externalSubject).getResultList().stream().findFirst().orElse(null);
        if (account == null) {
            if (find(username).isPresent()) {
                throw new RuleViolation("username-taken", "User name taken", "Another account has the user name "
                        + username + "; ask an administrator.");
            }
            account = StaffAccount.external(externalSubject, username, roles, depots, allDepots, Instant.now());
            em.persist(account);
            em.flush();
        } else {
            account.assign(roles, depots, allDepots);
        }
        return account;
    }

    static Set<Role> roles(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("give one or more roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Role role;
            try {
                role = Role.valueOf(name.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role " + name);
            }
            if (!role.isStaff()) {
                throw new IllegalArgumentException(role + " is not a staff role");
            }
            roles.add(role);
        }
        return roles;
    }

    static Set<String> depots(List<String> codes) {
        Set<String> depots = new TreeSet<>();
        if (codes != null) {
            for (String code : codes) {
                if (code == null || !code.matches("[A-Z0-9]{2,16}")) {
                    throw new IllegalArgumentException("depot codes are 2 to 16 capital letters or digits");
                }
                depots.add(code);
            }
        }
        return depots;
    }
}
