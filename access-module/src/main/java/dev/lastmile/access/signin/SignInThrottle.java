package dev.lastmile.access.signin;

import dev.lastmile.access.AccessSettings;
import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.model.problem.TooManyRequests;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Counts failed sign-ins per account and per client address in the database, so every instance of a
 * cluster sees the same counts. Runs in transactions of its own: a refused sign-in rolls back, its count must not.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInThrottle {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    AccessSettings settings;

    /** 429 while the address is blocked, before any password is checked. */
    public void refuseIfBlocked(String address) {
        LocalDateTime now = utc(Instant.now());
        List<?> waits = em.createNativeQuery("SELECT TIMESTAMPDIFF(SECOND, ?, blocked_until) FROM sign_in_failure"
                + " WHERE subject = ? AND blocked_until > ?").setParameter(1, now).setParameter(2, "address:" + address)
                .setParameter(3, now).getResultList();
        if (!waits.isEmpty()) {
            throw new TooManyRequests("Too many failed sign-ins from this address; try again later.",
                    Math.max(1, ((Number) waits.get(0)).longValue() + 1));
        }
    }

    /**
     * @param username the staff account tried, or null when no staff account's failures count
     * @return true when this failure locked the account
     */
    public boolean failed(String username, String address) {
        Instant now = Instant.now();
        int addressFailures = count("address:" + address, now, true);
        if (addressFailures >= settings.addressMaxFailures()) {
            em.createNativeQuery("UPDATE sign_in_failure SET blocked_until = ? WHERE subject = ?")
                    .setParameter(1, utc(now.plus(settings.window()))).setParameter(2, "address:" + address).executeUpdate();
        }
        StaffAccount account = username == null ? null : em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class)
                .setParameter("username", username).getResultList().stream().findFirst().orElse(null);
        if (account == null) {
            return false;
        }
        // Wrong passwords in a row, however slowly: only a success or an unlock starts the count again.
        int accountFailures = count("account:" + username, now, false);
        if (accountFailures >= settings.maxFailures() && account.lockedAt() == null) {
            account.lock(now);
            return true;
        }
        return false;
    }

    public void succeeded(String username) {
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE subject = ?").setParameter(1, "account:" + username)
                .executeUpdate();
    }

    /** Adds one failure; a window that has passed starts again at one (if it does). Returns the failures counted. */
    private int count(String subject, Instant now, boolean windowed) {
        LocalDateTime windowStart = windowed ? utc(now.minus(settings.window())) : LocalDateTime.of(1970, 1, 1, 0, 0);
        em.createNativeQuery("INSERT INTO sign_in_failure (subject, failures, window_start) VALUES (?, 1, ?)"
                        + " ON DUPLICATE KEY UPDATE failures = IF(window_start < ?, 1, failures + 1),"
                        + " window_start = IF(window_start < ?, VALUES(window_start), window_start)")
                .setParameter(1, subject).setParameter(2, utc(now)).setParameter(3, windowStart).setParameter(4, windowStart)
                .executeUpdate();
        Object failures = em.createNativeQuery("SELECT failures FROM sign_in_failure WHERE subject = ?")
                .setParameter(1, subject).getSingleResult();
        return ((Number) failures).intValue();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
