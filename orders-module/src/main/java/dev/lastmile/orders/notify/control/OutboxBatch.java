package dev.lastmile.orders.notify.control;

import dev.lastmile.model.notify.Channel;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.notify.OptOut;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.shipper.Shipper;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one batch of due notifications in a transaction of its own. The rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances of a cluster share the outbox without
 * sending a message twice; a failure backs off exponentially and gives up after the last attempt.
 */
@Stateless
public class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class.getName());

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

    @Inject
    @ConfigProperty(name = "lastmile.outbox.first-backoff", defaultValue = "PT30S")
    Duration firstBackoff;

    @Inject
    @ConfigProperty(name = "lastmile.outbox.max-attempts", defaultValue = "8")
    int maxAttempts;

    /**
     * Returns how many notifications it tried, so the dispatcher knows whether to go on; those held back
     * because their server is unreachable do not count.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sendDue(int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM notification WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, max).getResultList();
        Set<String> unreachable = new HashSet<>();
        int handled = 0;
        for (Number id : ids) {
            Notification notification = em.find(Notification.class, id.longValue());
            // A server that refused the connection refuses the rest of the batch too: leave those for a later tick.
            if (!unreachable.contains(destination(notification))) {
                send(notification, unreachable);
                handled++;
            }
        }
        return handled;
    }

    private void send(Notification notification, Set<String> unreachable) {
        if (notification.channel() != Channel.WEBHOOK && notification.channel() != Channel.PARTNER
                && em.find(OptOut.class, OptOut.normalise(notification.address())) != null) {
            notification.optedOut();
            return;
        }
        try {
            deliver(notification);
            notification.sent(Instant.now());
        } catch (Exception e) {
            LOG.log(Level.FINE, "notification " + notification.id() + " failed", e);
            notification.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now(), firstBackoff, maxAttempts);
            if (isConnectionFailure(e)) {
                unreachable.add(destination(notification));
            }
        }
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
