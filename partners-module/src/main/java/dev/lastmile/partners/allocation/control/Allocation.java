package dev.lastmile.partners.allocation.control;

import dev.lastmile.model.event.Audited;
import dev.lastmile.model.event.ParcelBeyondCoverage;
import dev.lastmile.model.event.ParcelLeftUnplaced;
import dev.lastmile.model.handoff.PartnerOffer;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.PartnerService;
import dev.lastmile.model.partner.PartnerTerms;
import dev.lastmile.model.partner.RateCard;
import dev.lastmile.model.problem.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends parcels the carrier cannot serve itself to the partner 3PL that fits best (see {@link Candidate#best}),
 * records why in the offer and the audit trail, and puts the parcel on the staff's list when none fits.
 * Runs in the transaction of whatever sent the parcel here: intake, a published plan, a dispatcher, a refusal.
 */
@ApplicationScoped
@Transactional
public class Allocation {

    /** Who made an offer that no person made. */
    public static final String BY_RULE = "allocation";

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    AllocationRule rule;

    @Inject
    Event<Audited> audit;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    /** What allocation did with a parcel: offered to a partner, or waiting on the staff's list, and why. */
    public record Outcome(Optional<PartnerOffer> offer, String reason) {
    }

    void beyondCoverage(@Observes ParcelBeyondCoverage event) {
        if (rule.takesOutsideCoverage()) {
            allocate(ParcelsByTrackingId.find(em, event.trackingId()), "outside every depot's coverage", BY_RULE);
        }
    }

    void unplaced(@Observes ParcelLeftUnplaced event) {
        Parcel parcel = ParcelsByTrackingId.find(em, event.trackingId());
        if (rule.sendsUnplaced(event.reason()) && parcel.isAtDepot()) {
            // No partner fits: it stays the depot's, to be planned again, rather than wait on the staff's list.
            allocate(parcel, "left unplaced by planning (" + event.reason() + ")", BY_RULE, false);
        }
    }

    /** By the rule, among the partners that have not refused this parcel already. */
    public Outcome allocate(Parcel parcel, String why, String by) {
        return allocate(parcel, why, by, true);
    }

    private Outcome allocate(Parcel parcel, String why, String by, boolean waitIfNone) {
        Set<Long> refusedBy = Set.copyOf(em.createQuery("SELECT o.partner.id FROM PartnerOffer o WHERE o.parcel = :parcel"
                + " AND o.refusedAt IS NOT NULL", Long.class).setParameter("parcel", parcel).getResultList());
        List<String> misfits = new ArrayList<>();
        List<Candidate> fits = new ArrayList<>();
        PartnerService service = serviceOf(parcel);
        for (Partner partner : em.createNamedQuery(Partner.ACTIVE, Partner.class).getResultList()) {
            if (refusedBy.contains(partner.id())) {
                misfits.add(partner.code() + " refused it");
                continue;
            }
            fit(parcel, partner, service, misfits).ifPresent(fits::add);
        }
        Optional<Candidate> best = Candidate.best(fits, rule.priceTolerance());
        if (best.isEmpty()) {
            String reason = why + "; no partner fits" + (misfits.isEmpty() ? " (none on record)" : ": " + String.join("; ", misfits));
            if (waitIfNone) {
                parcel.awaitPartner(false);
                audit.fire(new Audited("partner.allocation-waiting", "parcel", parcel.trackingId().value(), clip(reason)));
            }
            return new Outcome(Optional.empty(), reason);
        }
        Candidate chosen = best.get();
        String reason = why + "; " + chosen.partner().code() + " is the cheapest of " + fits.size() + " that fit at "
                + chosen.price().total() + " " + chosen.partner().terms().currency() + " (" + (chosen.taken() + 1)
                + " of " + chosen.capacity() + " on " + parcel.deliveryDate() + ")";
        return new Outcome(Optional.of(offer(parcel, chosen.partner(), chosen.price(), by, reason)), reason);
    }

    /** A dispatcher's choice: the partner must still cover the parcel, offer its service and have room. */
    public PartnerOffer offerTo(Parcel parcel, Partner partner, String by) {
        List<String> misfits = new ArrayList<>();
        Candidate fit = fit(parcel, partner, serviceOf(parcel), misfits)
                .orElseThrow(() -> new RuleViolation("partner-does-not-fit", "Partner does not fit the parcel",
                        String.join("; ", misfits) + "."));
        return offer(parcel, partner, fit.price(), by, "chosen by " + by);
    }

    private PartnerOffer offer(Parcel parcel, Partner partner, RateCard.Price price, String by, String reason) {
        PartnerOffer offer = new PartnerOffer(parcel, partner, by, Instant.now(), clip(reason), price);
        em.persist(offer);
        parcel.awaitPartner(true);
        audit.fire(new Audited("partner.offered", "parcel", parcel.trackingId().value(), clip(partner.code() + ": " + reason)));
        return offer;
    }

    private Optional<Candidate> fit(Parcel parcel, Partner partner, PartnerService service, List<String> misfits) {
        PartnerTerms terms = partner.terms();
        String where = parcel.address().postcode().country() + " " + parcel.address().postcode().value();
        if (!terms.covers(parcel.address().postcode().country(), parcel.address().postcode().value())) {
            misfits.add(partner.code() + " does not cover " + where);
            return Optional.empty();
        }
        if (!terms.offers(service)) {
            misfits.add(partner.code() + " does not offer " + service);
            return Optional.empty();
        }
        Optional<RateCard.Price> price = terms.rates().priceOf(parcel.weightKg(), service);
        if (price.isEmpty()) {
            misfits.add(partner.code() + " takes nothing of " + parcel.weightKg() + " kg");
            return Optional.empty();
        }
        int taken = taken(partner, parcel.deliveryDate());
        if (taken >= terms.dailyCapacity()) {
            misfits.add(partner.code() + " is full on " + parcel.deliveryDate() + " (" + taken + " of "
                    + terms.dailyCapacity() + ")");
            return Optional.empty();
        }
        return Optional.of(new Candidate(partner, price.get(), taken, terms.dailyCapacity()));
    }

    /** Offers of the day still open or accepted: what the partner's capacity that day already holds. */
    private int taken(Partner partner, LocalDate day) {
        return ((Number) em.createQuery("SELECT COUNT(o) FROM PartnerOffer o WHERE o.partner = :partner"
                        + " AND o.offeredFor = :day AND o.withdrawnAt IS NULL AND o.refusedAt IS NULL")
                .setParameter("partner", partner).setParameter("day", day).getSingleResult()).intValue();
    }

    private PartnerService serviceOf(Parcel parcel) {
        return PartnerService.forDelivery(parcel.deliveryDate(),
                LocalDate.ofInstant(parcel.registeredAt(), ZoneId.of(zone)));
    }

    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
