package dev.lastmile.partners.handoff.control;

import dev.lastmile.model.event.Audited;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.event.ParcelHandedOver;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Parcels offered to partner 3PLs and accepted by them, whichever channel they use. A partner accepts
 * only what was offered to it; anything else is "not found", so it learns nothing about other parcels.
 * Transactional itself: on Payara Micro, Metro calls the SOAP endpoint outside any EJB.
 */
@ApplicationScoped
@Transactional
public class HandoffDesk {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelHandedOver> handedOver;

    @Inject
    Event<Audited> audit;

    /** A dispatcher offers a parcel of its depot to a partner; one open offer per parcel. */
    public PartnerOffer offer(String partnerCode, String trackingIdText, Caller by) {
        Violations violations = new Violations().require("trackingId", trackingIdText);
        TrackingId trackingId = trackingIdText == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(trackingIdText));
        violations.throwIfAny();
        Partner partner = em.createNamedQuery(Partner.BY_CODE, Partner.class).setParameter("code", partnerCode)
                .getResultList().stream().filter(Partner::active).findFirst()
                .orElseThrow(() -> new NotFound("partner", partnerCode));
        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        if (!parcel.isVisibleTo(by)) {
            throw new NotFound("parcel", trackingId.value());
        }
        transferable(parcel);
        if (!em.createNamedQuery(PartnerOffer.OPEN_FOR_PARCEL, PartnerOffer.class).setParameter("parcel", parcel)
                .getResultList().isEmpty()) {
            throw new RuleViolation("offer-open", "Parcel already offered",
                    "Parcel " + trackingId.value() + " is offered to a partner already.");
        }
        PartnerOffer offer = new PartnerOffer(parcel, partner, by.name(), Instant.now());
        em.persist(offer);
        em.flush();
        return offer;
    }

    public Handoff accept(Partner partner, String trackingIdText, String partnerReference, String channel) {
        Violations violations = new Violations().require("trackingId", trackingIdText)
                .require("partnerReference", partnerReference);
        violations.check(partnerReference == null || partnerReference.length() <= 64, "partnerReference",
                "must be at most 64 characters");
        TrackingId trackingId = trackingIdText == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(trackingIdText));
        violations.throwIfAny();

        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        PartnerOffer offer = em.createNamedQuery(PartnerOffer.OPEN, PartnerOffer.class).setParameter("parcel", parcel)
                .setParameter("partner", partner).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFound("parcel", trackingId.value()));
        transferable(parcel);
        Handoff handoff = new Handoff(parcel, partner.code(), partnerReference.trim(), channel, Instant.now());
        em.persist(handoff);
        offer.accepted(handoff.acceptedAt());
        em.flush();
        handedOver.fire(new ParcelHandedOver(trackingId, partner.code(), handoff.partnerReference(), handoff.acceptedAt()));
        if ("SOAP".equals(channel)) {
            // REST changes are audited on their way out of the API; SOAP calls do not pass there.
            audit.fire(new Audited("SOAP acceptHandoff", "parcel", trackingId.value(), "partner " + partner.code()));
        }
        return handoff;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOffer> offersTo(Partner partner) {
        return em.createNamedQuery(PartnerOffer.OPEN_TO, PartnerOffer.class).setParameter("partner", partner).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Handoff> handoffsOf(Partner partner) {
        return em.createNamedQuery(Handoff.OF_PARTNER, Handoff.class).setParameter("partnerCode", partner.code())
                .setMaxResults(1000).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner partner(Caller caller) {
        Partner partner = em.find(Partner.class, caller.accountId());
        if (partner == null) {
            throw new NotFound("partner", caller.name());
        }
        return partner;
    }

    private static void transferable(Parcel parcel) {
        if (!parcel.status().canBecome(ParcelStatus.HANDED_TO_PARTNER)) {
            throw new RuleViolation("parcel-not-transferable", "Parcel cannot be handed over",
                    "Parcel " + parcel.trackingId().value() + " is " + parcel.status()
                            + " and can no longer be handed to a partner.");
        }
    }
}
