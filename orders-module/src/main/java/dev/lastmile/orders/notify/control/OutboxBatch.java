package dev.lastmile.orders.notify.control;

import dev.lastmile.model.notify.Channel;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.notify.OptOut;
import dev.lastmile.model.shipper.Shipper;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    @ConfigProperty(name = "lastmile.outbox.first-backoff", defaultValue = "PT30S")
    Duration firstBackoff;

    @Inject
    @ConfigProperty(name = "lastmile.outbox.max-attempts", defaultValue = "8")
    int maxAttempts;

    /** Returns how many notifications it handled, so the dispatcher knows whether to go on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sendDue(int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM notification WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, java.sql.Timestamp.from(Instant.now())).setParameter(2, max).getResultList();
        for (Number id : ids) {
            send(em.find(Notification.class, id.longValue()));
        }
        return ids.size();
    }

    private void send(Notification notification) {
        if (notification.channel() != Channel.WEBHOOK
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
        }
    }

    private void deliver(Notification notification) throws Exception {
        String reference = "lm-" + notification.id();
        switch (notification.channel()) {
            case WEBHOOK -> webhooks.send(notification.address(), notification.payload(),
                    em.find(Shipper.class, notification.shipperId()).webhookSecret(), notification.eventKey());
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
