package dev.lastmile.partners.callback.control;

import dev.lastmile.model.event.ParcelCancelled;
import dev.lastmile.model.event.ParcelRedirected;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.partner.CallbackKind;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.partners.allocation.control.Allocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * What the carrier tells a partner about a parcel it was offered or carries: recalled, redirected by its
 * recipient, or cancelled by its shipper. Written to the outbox in the transaction of the change, so the partner hears of a change that
 * committed, once, with the outbox's retries; the outbox signs it with the partner's callback secret.
 */
@ApplicationScoped
public class PartnerNotices {

    public static final String RECALLED = "parcel.recalled";
    public static final String REDIRECTED = "parcel.redirected";
    public static final String CANCELLED = "parcel.cancelled";

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Allocation allocation;

    public void recalled(Partner partner, Parcel parcel, Instant at, String comment) {
        JsonObjectBuilder body = base(RECALLED, partner, parcel, at);
        tell(partner, parcel, RECALLED, at, body);
    }

    /**
     * An offer not yet accepted is withdrawn and the parcel allocated again for its new address; a partner that
     * carries the parcel already gets the new address.
     */
    void redirected(@Observes ParcelRedirected event) {
        Parcel parcel = ParcelsByTrackingId.find(em, event.trackingId());
        Optional<PartnerOffer> offer = em.createNamedQuery(PartnerOffer.OPEN_FOR_PARCEL, PartnerOffer.class)
                .setParameter("parcel", parcel).getResultList().stream().findFirst();
        if (offer.isPresent()) {
            offer.get().withdraw(event.at());
            tell(offer.get().partner(), parcel, RECALLED, event.at(), base(RECALLED, offer.get().partner(), parcel, event.at())
                    .add("reason", "redirected by the recipient"));
            allocation.allocate(parcel, "redirected by the recipient", Allocation.BY_RULE);
            return;
        }
        em.createNamedQuery(Handoff.OPEN_OF_PARCEL, Handoff.class).setParameter("parcel", parcel).getResultList().stream()
                .filter(Handoff::isOpen).findFirst().ifPresent(handoff -> {
                    Partner partner = em.find(Partner.class, handoff.partnerId());
                    DeliveryAddress address = parcel.address();
                    JsonObjectBuilder body = base(REDIRECTED, partner, parcel, event.at()).add("address", Json.createObjectBuilder()
                            .add("line", address.line()).add("town", address.town())
                            .add("postcode", address.postcode().value()).add("country", address.postcode().country())
                            .add("latitude", parcel.location().latitude()).add("longitude", parcel.location().longitude()));
                    tell(partner, parcel, REDIRECTED, event.at(), body);
                });
    }

    /**
     * The shipper cancelled: an offer is withdrawn; a partner that carries the parcel is told and may only report
     * it back to the carrier from now on.
     */
    void cancelled(@Observes ParcelCancelled event) {
        Parcel parcel = ParcelsByTrackingId.find(em, event.trackingId());
        em.createNamedQuery(PartnerOffer.OPEN_FOR_PARCEL, PartnerOffer.class).setParameter("parcel", parcel).getResultList()
                .forEach(offer -> {
                    offer.withdraw(event.at());
                    tell(offer.partner(), parcel, CANCELLED, event.at(), base(CANCELLED, offer.partner(), parcel, event.at()));
                });
        em.createNamedQuery(Handoff.OPEN_OF_PARCEL, Handoff.class).setParameter("parcel", parcel).getResultList().stream()
                .filter(Handoff::isOpen).findFirst().ifPresent(handoff -> {
                    Partner partner = em.find(Partner.class, handoff.partnerId());
                    tell(partner, parcel, CANCELLED, event.at(), base(CANCELLED, partner, parcel, event.at()));
                    handoff.recall(event.at());
                });
    }

    private JsonObjectBuilder base(String type, Partner partner, Parcel parcel, Instant at) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("noticeId", key(type, partner, parcel, at)).add("type", type)
                .add("partnerCode", partner.code()).add("trackingId", parcel.trackingId().value())
                .add("occurredAt", at.toString());
        em.createNamedQuery(Handoff.OPEN_OF_PARCEL, Handoff.class).setParameter("parcel", parcel).getResultList().stream()
                .filter(h -> partner.code().equals(h.partnerCode())).findFirst()
                .ifPresent(h -> body.add("partnerReference", h.partnerReference()));
        return body;
    }

    private void tell(Partner partner, Parcel parcel, String type, Instant at, JsonObjectBuilder body) {
        if (partner.callbackKind() == CallbackKind.NONE || partner.callbackUrl().isEmpty()) {
            return;
        }
        String kind = partner.callbackKind() == CallbackKind.SOAP ? "soap" : "webhook";
        em.persist(Notification.toPartner(key(type, partner, parcel, at), kind, partner.id(), partner.callbackUrl().get(),
                body.build().toString(), Instant.now()));
    }

    private static String key(String type, Partner partner, Parcel parcel, Instant at) {
        return "PARTNER:" + partner.code() + ":" + parcel.trackingId().value() + ":" + type + ":" + at.toEpochMilli();
    }
}
