package dev.lastmile.partners.handoff.control;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.event.Audited;
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
import dev.lastmile.partners.allocation.control.Allocation;
import dev.lastmile.partners.callback.control.PartnerNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parcels offered to partner 3PLs, accepted or refused by them, and recalled by the carrier, whichever channel
 * they use. A partner sees and acts only on what was offered to it; anything else is "not found", so it learns
 * nothing about other parcels. Transactional itself: on Payara Micro, Metro calls the SOAP endpoint outside any EJB.
 */
@ApplicationScoped
@Transactional
public class HandoffDesk {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Allocation allocation;

    @Inject
    PartnerNotices notices;

    @Inject
    Event<ParcelHandedOver> handedOver;

    @Inject
    Event<Audited> audit;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    /** A dispatcher offers a parcel of its depot to a partner of its choice; one open offer per parcel. */
    public PartnerOffer offer(String partnerCode, String trackingIdText, Caller by) {
        Parcel parcel = visibleParcel(trackingIdText, by);
        Partner partner = em.createNamedQuery(Partner.BY_CODE, Partner.class).setParameter("code", partnerCode)
                .getResultList().stream().filter(Partner::active).findFirst()
                .orElseThrow(() -> new NotFound("partner", partnerCode));
        requireAvailable(parcel);
        return allocation.offerTo(parcel, partner, by.name());
    }

    /** A dispatcher sends a parcel to whichever partner the rule picks. */
    public Allocation.Outcome allocate(String trackingIdText, String comment, Caller by) {
        Parcel parcel = visibleParcel(trackingIdText, by);
        requireAvailable(parcel);
        return allocation.allocate(parcel, "sent to a partner by " + by.name() + (comment == null || comment.isBlank()
                ? "" : " (" + comment.trim() + ")"), by.name());
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
        PartnerOffer offer = openOffer(parcel, partner, trackingId);
        if (!parcel.status().canBecome(ParcelStatus.HANDED_TO_PARTNER)) {
            throw new RuleViolation("parcel-not-transferable", "Parcel cannot be handed over",
                    "Parcel " + trackingId.value() + " is " + parcel.status() + " and can no longer be handed to a partner.");
        }
        Handoff handoff = new Handoff(parcel, partner, offer, partnerReference.trim(), channel, Instant.now());
        em.persist(handoff);
        offer.accepted(handoff.acceptedAt());
        em.flush();
        handedOver.fire(new ParcelHandedOver(trackingId, partner.code(), handoff.partnerReference(), handoff.acceptedAt()));
        auditSoap(channel, "SOAP acceptHandoff", trackingId, "partner " + partner.code());
        return handoff;
    }

    /** The partner will not take the parcel: it goes back to allocation, without this partner. */
    public Allocation.Outcome refuse(Partner partner, String trackingIdText, String reason, String channel) {
        Violations violations = new Violations().require("trackingId", trackingIdText).require("reason", reason);
        violations.check(reason == null || reason.length() <= 300, "reason", "must be at most 300 characters");
        TrackingId trackingId = trackingIdText == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(trackingIdText));
        violations.throwIfAny();
        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        PartnerOffer offer = openOffer(parcel, partner, trackingId);
        offer.refused(Instant.now(), reason.trim());
        em.flush();
        auditSoap(channel, "SOAP refuseParcel", trackingId, "partner " + partner.code() + ": " + reason.trim());
        return allocation.allocate(parcel, "refused by " + partner.code() + " (" + reason.trim() + ")", Allocation.BY_RULE);
    }

    /**
     * The carrier takes a parcel back from its partner: an offer is withdrawn at once; a parcel already accepted
     * stays with the partner until it reports it returned. The partner hears of it through its callback.
     */
    public Parcel recall(String trackingIdText, String comment, Caller by) {
        Parcel parcel = visibleParcel(trackingIdText, by);
        Instant now = Instant.now();
        Optional<PartnerOffer> offer = em.createNamedQuery(PartnerOffer.OPEN_FOR_PARCEL, PartnerOffer.class)
                .setParameter("parcel", parcel).getResultList().stream().findFirst();
        if (offer.isPresent()) {
            offer.get().withdraw(now);
            parcel.backFromPartner(parcel.deliveryDate());
            notices.recalled(offer.get().partner(), parcel, now, comment);
            return parcel;
        }
        if (parcel.status() == ParcelStatus.AWAITING_PARTNER) {
            parcel.backFromPartner(parcel.deliveryDate());
            return parcel;
        }
        Handoff handoff = em.createNamedQuery(Handoff.OPEN_OF_PARCEL, Handoff.class).setParameter("parcel", parcel)
                .getResultList().stream().filter(Handoff::isOpen).findFirst()
                .orElseThrow(() -> new RuleViolation("not-with-partner", "Parcel is not with a partner",
                        "Parcel " + parcel.trackingId().value() + " is " + parcel.status() + ": no partner has it or is offered it."));
        // Told first: the notice names the partner's reference of a handoff still open.
        notices.recalled(em.find(Partner.class, handoff.partnerId()), parcel, now, comment);
        handoff.recall(now);
        return parcel;
    }

    /** The partner's day: what was offered to it for delivery on {@code day}, open or accepted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOffer> manifest(Partner partner, LocalDate day) {
        return em.createNamedQuery(PartnerOffer.MANIFEST, PartnerOffer.class).setParameter("partner", partner)
                .setParameter("day", day).getResultList();
    }

    /** The manifest's lines: accepted parcels with their recipient and address, offered ones without. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ManifestLine> manifestLines(Partner partner, LocalDate day) {
        ZoneId zoneId = ZoneId.of(zone);
        return manifest(partner, day).stream()
                .map(offer -> ManifestLine.of(offer, offer.acceptedAt().isPresent() ? handoffOf(offer.parcel(), partner)
                        : Optional.empty(), zoneId)).toList();
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

    /** The handoff of a parcel accepted by this partner, for the manifest's accepted lines. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Handoff> handoffOf(Parcel parcel, Partner partner) {
        return em.createQuery("SELECT h FROM Handoff h WHERE h.parcel = :parcel AND h.partnerCode = :code"
                        + " ORDER BY h.acceptedAt DESC", Handoff.class).setParameter("parcel", parcel)
                .setParameter("code", partner.code()).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The carrier's today, the default day of a manifest. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(zone));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner partner(Caller caller) {
        Partner partner = em.find(Partner.class, caller.accountId());
        if (partner == null) {
            throw new NotFound("partner", caller.name());
        }
        return partner;
    }

    private PartnerOffer openOffer(Parcel parcel, Partner partner, TrackingId trackingId) {
        return em.createNamedQuery(PartnerOffer.OPEN, PartnerOffer.class).setParameter("parcel", parcel)
                .setParameter("partner", partner).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFound("parcel", trackingId.value()));
    }

    private Parcel visibleParcel(String trackingIdText, Caller by) {
        Violations violations = new Violations().require("trackingId", trackingIdText);
        TrackingId trackingId = trackingIdText == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(trackingIdText));
        violations.throwIfAny();
        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        if (!parcel.isVisibleTo(by)) {
            throw new NotFound("parcel", trackingId.value());
        }
        return parcel;
    }

    /** Only a parcel on the depot's shelves (or waiting for a partner) can be offered. */
    private void requireAvailable(Parcel parcel) {
        if (!parcel.isAtDepot() && parcel.status() != ParcelStatus.AWAITING_PARTNER) {
            throw new RuleViolation("parcel-not-transferable", "Parcel cannot be offered",
                    "Parcel " + parcel.trackingId().value() + " is " + parcel.status()
                            + "; only a parcel at the depot or waiting for a partner can be offered to one.");
        }
        if (!em.createNamedQuery(PartnerOffer.OPEN_FOR_PARCEL, PartnerOffer.class).setParameter("parcel", parcel)
                .getResultList().isEmpty()) {
            throw new RuleViolation("offer-open", "Parcel already offered",
                    "Parcel " + parcel.trackingId().value() + " is offered to a partner already.");
        }
    }

    private void auditSoap(String channel, String action, TrackingId trackingId, String detail) {
        if ("SOAP".equals(channel)) {
            // REST changes are audited on their way out of the API; SOAP calls do not pass there.
            audit.fire(new Audited(action, "parcel", trackingId.value(), detail));
        }
    }
}
