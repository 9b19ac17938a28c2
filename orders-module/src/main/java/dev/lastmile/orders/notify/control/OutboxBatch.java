package dev.lastmile.orders.notify.control;

import dev.lastmile.model.notify.Channel;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.notify.OptOut;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.shipper.Shipper;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's transactions. A dispatcher first claims a few due messages in one short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, so instances of a cluster never claim the same one), then sends each
 * in a transaction of its own that records the result at once: a crash or a stop loses at most the one
 * message being sent, never a batch already handed to the mail server. A failure backs off
 * exponentially and gives up after the last attempt.
 */
@Stateless
public class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class.getName());

    /** What became of one claimed message. */
    public enum Sending { SENT, FAILED, UNREACHABLE, HELD_BACK, NOT_OURS }

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    EmailCourier email;

    @Inject
    SmsGateway sms;

    @Inject
    WebhookCourier webhooks;

    @Inject
    PartnerCallbackCourier partners;

    /** Not enlisted in the container's transactions: the claim commits on its own, at READ COMMITTED. */
    @Resource(lookup = "java:app/jdbc/lastmile-serials")
    DataSource claims;

    @Inject
    @ConfigProperty(name = "lastmile.outbox.first-backoff", defaultValue = "PT30S")
    Duration firstBackoff;

    @Inject
    @ConfigProperty(name = "lastmile.outbox.max-attempts", defaultValue = "8")
    int maxAttempts;

    /**
     * Claims up to {@code max} due messages for {@code token} until {@code leaseEnds}: the lease is their
     * next attempt time, so a dispatcher that dies leaves them due again when it runs out.
     *
     * <p>On a connection of its own at READ COMMITTED: under InnoDB's default REPEATABLE READ the locking scan of
     * the due index also locks the gap after the last due message, where every new message lands, and an intake
     * transaction inserting two messages could deadlock with it (seen: a parcel refused with a 500).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> claim(int max, String token, Instant leaseEnds) {
        try (Connection connection = claims.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                List<Long> ids = due(connection, max);
                if (!ids.isEmpty()) {
                    try (PreparedStatement claim = connection.prepareStatement("UPDATE notification SET claim_token = ?,"
                            + " next_attempt_at = ? WHERE id IN (" + placeholders(ids.size()) + ")")) {
                        claim.setString(1, token);
                        claim.setTimestamp(2, Timestamp.from(leaseEnds));
                        for (int i = 0; i < ids.size(); i++) {
                            claim.setLong(3 + i, ids.get(i));
                        }
                        claim.executeUpdate();
                    }
                }
                connection.commit();
                return ids;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("claiming due messages failed", e);
        }
    }

    private static List<Long> due(Connection connection, int max) throws SQLException {
        try (PreparedStatement due = connection.prepareStatement("SELECT id FROM notification WHERE status = 'PENDING'"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            due.setTimestamp(1, Timestamp.from(Instant.now()));
            due.setInt(2, max);
            List<Long> ids = new java.util.ArrayList<>();
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Sends one claimed message and records the outcome in the same short transaction. The row is locked
     * first and the claim checked, so a message whose lease ran out and was claimed elsewhere is left alone.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Sending send(long id, String token, Set<String> unreachable) {
        Notification notification = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || !notification.claimedBy(token)) {
            return Sending.NOT_OURS;
        }
        // A server that refused the connection refuses the rest of the claim too: leave those for a later tick.
        if (unreachable.contains(destination(notification))) {
            return Sending.HELD_BACK;
        }
        if (notification.channel() != Channel.WEBHOOK && notification.channel() != Channel.PARTNER
                && em.find(OptOut.class, OptOut.normalise(notification.address())) != null) {
            notification.optedOut();
            return Sending.SENT;
        }
        try {
            deliver(notification);
            notification.sent(Instant.now());
            return Sending.SENT;
        } catch (Exception e) {
            LOG.log(Level.FINE, "notification " + notification.id() + " failed", e);
            notification.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now(), firstBackoff, maxAttempts);
            if (isConnectionFailure(e)) {
                unreachable.add(destination(notification));
                return Sending.UNREACHABLE;
            }
            return Sending.FAILED;
        }
    }

    /** Hands claimed but unsent messages back at once (a stop, a lease about to run out, a server held back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int release(List<Long> ids, String token) {
        if (ids.isEmpty()) {
            return 0;
        }
        Query release = em.createNativeQuery("UPDATE notification SET claim_token = NULL, next_attempt_at = ?"
                + " WHERE claim_token = ? AND status = 'PENDING' AND id IN (" + placeholders(ids.size()) + ")")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, token);
        return withIds(release, 3, ids).executeUpdate();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds the ids to the placeholders of an {@code IN} list that starts at parameter {@code first}. */
    private static Query withIds(Query query, int first, List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(first + i, ids.get(i));
        }
        return query;
    }

    /** Email and SMS each go through one server; each webhook URL is a server of its own. */
    private static String destination(Notification notification) {
        return notification.channel() == Channel.WEBHOOK || notification.channel() == Channel.PARTNER
                ? notification.address() : notification.channel().name();
    }

    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private void deliver(Notification notification) throws Exception {
        String reference = "lm-" + notification.id();
        switch (notification.channel()) {
            case WEBHOOK -> webhooks.send(notification.address(), notification.payload(),
                    em.find(Shipper.class, notification.shipperId()).webhookSecret(), notification.eventKey());
            case PARTNER -> partners.send(notification.template(), notification.address(), notification.payload(),
                    em.find(Partner.class, notification.partnerId()).callbackSecret()
                            .orElseThrow(() -> new IOException("the partner has no callback any more")),
                    notification.eventKey());
            case EMAIL, SMS -> {
                Map<String, String> values = MessageTemplate.decode(notification.payload());
                MessageTemplate.Rendered message = MessageTemplate.valueOf(notification.template())
                        .render(notification.channel(), notification.language(), values);
                if (notification.channel() == Channel.EMAIL) {
                    email.send(notification.address(), message.subject(), message.text(), reference);
                } else {
                    sms.send(notification.address(), message.text(), reference);
                }
            }
        }
    }
}
