package dev.lastmile.orders.notify.control;

import dev.lastmile.model.notify.Channel;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.Recipient;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.choice.control.SelfServiceLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the messages a step of the journey deserves into the outbox, in the transaction of the step
 * itself: the recipient's email and SMS, and the shipper's webhook. The dispatcher sends them after
 * commit. The event key (channel, parcel, message, event time) makes one event one message.
 */
@ApplicationScoped
public class Announcements {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    SelfServiceLinks links;

    public void registered(Parcel parcel, Instant at) {
        Map<String, String> values = basics(parcel);
        values.put("link", links.linkFor(parcel.trackingId()));
        values.put("date", parcel.deliveryDate().toString());
        toRecipient(parcel, MessageTemplate.ON_ITS_WAY, at, values);
        toShipper(parcel, TrackingCode.CREATED, at, "Parcel registered.");
    }

    public void slotConfirmed(Parcel parcel, Instant at, String date, String slot) {
        Map<String, String> values = basics(parcel);
        values.put("link", links.linkFor(parcel.trackingId()));
        values.put("date", date);
        values.put("slot", slot);
        toRecipient(parcel, MessageTemplate.SLOT_CONFIRMED, at, values);
    }

    /** A step of the journey: the shipper always hears of it; the recipient when it matters to them. */
    public void step(Parcel parcel, TrackingCode code, Instant at, String description, Map<String, String> details) {
        toShipper(parcel, code, at, description);
        MessageTemplate template = MessageTemplate.forStep(code);
        if (template != null) {
            Map<String, String> values = basics(parcel);
            values.putAll(details);
            values.put("link", links.linkFor(parcel.trackingId()));
            values.put("proof", links.proofLink(parcel.trackingId()));
            toRecipient(parcel, template, at, values);
        }
    }

    /** A live message: "you're next", "running late", "earlier than told". */
    public void live(Parcel parcel, MessageTemplate template, Instant at, String etaFrom, String etaTo, long minutes) {
        Map<String, String> values = basics(parcel);
        values.put("etaFrom", etaFrom);
        values.put("etaTo", etaTo);
        values.put("minutes", String.valueOf(minutes));
        toRecipient(parcel, template, at, values);
    }

    /** The shipper's ETA-changed webhook: the window told to the recipient and the live ETA behind it. */
    public void etaChanged(Parcel parcel, Instant at, LocalDateTime from, LocalDateTime to, LocalDateTime eta, String change,
                           int stopsBefore) {
        Shipper shipper = parcel.shipper().orElse(null);
        if (shipper == null || shipper.webhookUrl().isEmpty()) {
            return;
        }
        String key = key(Channel.WEBHOOK, parcel, "ETA_CHANGED", at);
        String body = Json.createObjectBuilder()
                .add("eventId", key)
                .add("type", "parcel.eta_changed")
                .add("trackingId", parcel.trackingId().value())
                .add("shipperReference", parcel.shipperReference().orElse(""))
                .add("status", parcel.status().name())
                .add("etaFrom", from.toString())
                .add("etaTo", to.toString())
                .add("eta", eta.toString())
                .add("change", change)
                .add("stopsBefore", stopsBefore)
                .add("occurredAt", at.toString())
                .build().toString();
        enqueue(new Notification(key, Channel.WEBHOOK, "webhook", "en", parcel.id(), shipper.id(),
                shipper.webhookUrl().get(), body, Instant.now()));
    }

    private Map<String, String> basics(Parcel parcel) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("trackingId", parcel.trackingId().value());
        values.put("name", parcel.recipient().name());
        values.put("town", parcel.address().town());
        values.put("shipper", parcel.shipper().map(Shipper::name).orElse("your sender"));
        values.put("tracking", links.trackingPage(parcel.trackingId()));
        return values;
    }

    private void toRecipient(Parcel parcel, MessageTemplate template, Instant at, Map<String, String> values) {
        Recipient recipient = parcel.recipient();
        String payload = MessageTemplate.encode(values);
        if (recipient.email() != null) {
            enqueue(new Notification(key(Channel.EMAIL, parcel, template.name(), at), Channel.EMAIL, template.name(),
                    parcel.language(), parcel.id(), null, recipient.email(), payload, Instant.now()));
        }
        if (recipient.phone() != null) {
            enqueue(new Notification(key(Channel.SMS, parcel, template.name(), at), Channel.SMS, template.name(),
                    parcel.language(), parcel.id(), null, recipient.phone(), payload, Instant.now()));
        }
    }

    private void toShipper(Parcel parcel, TrackingCode code, Instant at, String description) {
        Shipper shipper = parcel.shipper().orElse(null);
        if (shipper == null || shipper.webhookUrl().isEmpty()) {
            return;
        }
        String key = key(Channel.WEBHOOK, parcel, code.name(), at);
        String body = Json.createObjectBuilder()
                .add("eventId", key)
                .add("type", "parcel." + code.name().toLowerCase())
                .add("trackingId", parcel.trackingId().value())
                .add("shipperReference", parcel.shipperReference().orElse(""))
                .add("status", parcel.status().name())
                .add("code", code.name())
                .add("description", description)
                .add("occurredAt", at.toString())
                .build().toString();
        enqueue(new Notification(key, Channel.WEBHOOK, "webhook", "en", parcel.id(), shipper.id(),
                shipper.webhookUrl().get(), body, Instant.now()));
    }

    private void enqueue(Notification notification) {
        em.persist(notification);
    }

    private static String key(Channel channel, Parcel parcel, String what, Instant at) {
        return channel + ":" + parcel.trackingId().value() + ":" + what + ":" + at.toEpochMilli();
    }
}
