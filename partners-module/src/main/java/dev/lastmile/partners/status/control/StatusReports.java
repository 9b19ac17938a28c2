package dev.lastmile.partners.status.control;

import dev.lastmile.model.event.Audited;
import dev.lastmile.model.event.ParcelDelivered;
import dev.lastmile.model.event.ParcelDeliveryFailed;
import dev.lastmile.model.event.PartnerStepReported;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.handoff.PartnerEvent;
import dev.lastmile.model.handoff.PartnerStatus;
import dev.lastmile.model.parcel.NextStep;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.proof.AttemptRules;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.FailedAttempt;
import dev.lastmile.model.proof.FailedAttemptPolicy;
import dev.lastmile.model.proof.Photo;
import dev.lastmile.model.tracking.TrackingCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A partner's status reports for the parcels it carries, like a handheld's scans: a batch in one transaction, each
 * report checked before anything changes, taken once per event id, and applied in occurrence order. A report that
 * contradicts what the partner said before is refused and changes nothing; the others of its batch still count.
 * Deliveries and failed attempts go through the same events as the carrier's own (timeline, messages, the
 * failed-attempt policy, returns).
 */
@ApplicationScoped
@Transactional
public class StatusReports {

    public static final int MAX_BATCH = 500;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelDelivered> delivered;

    @Inject
    Event<ParcelDeliveryFailed> failed;

    @Inject
    Event<PartnerStepReported> step;

    @Inject
    Event<Audited> audit;

    @Inject
    AttemptRules rules;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    private record Checked(int index, StatusReport report) {
    }

    public List<StatusResult> report(Partner partner, List<StatusCheck.Sent> events, String channel) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequest("events", "a batch needs at least one event");
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidRequest("events", "a batch has at most " + MAX_BATCH + " events");
        }
        // Reads below see what earlier reports of the batch changed through the persistence context itself.
        em.setFlushMode(FlushModeType.COMMIT);
        Instant now = Instant.now();
        StatusResult[] results = new StatusResult[events.size()];
        List<Checked> fresh = unseen(partner, checked(events, now, results), results);
        fresh.sort(Comparator.comparing((Checked c) -> c.report().occurredAt()).thenComparing(Checked::index));
        Map<String, Handoff> handoffs = handoffsOf(partner, fresh);
        for (Checked checked : fresh) {
            StatusReport report = checked.report();
            results[checked.index()] = apply(partner, report, handoffs.get(report.trackingId().value()), now, channel);
        }
        answerRepeats(results);
        if ("SOAP".equals(channel)) {
            // The audit trail's chain is one locked row until commit: write everything else first, so that the
            // lock covers only its own entry and concurrent partners do not queue behind each other's flushes.
            em.flush();
            long taken = List.of(results).stream().filter(r -> !r.refused()).count();
            audit.fire(new Audited("SOAP reportStatus", "parcel", fresh.stream().map(c -> c.report().trackingId().value())
                    .distinct().limit(20).collect(Collectors.joining(",")), taken + " of " + results.length + " taken"));
        }
        return List.of(results);
    }

    private static List<Checked> checked(List<StatusCheck.Sent> events, Instant now, StatusResult[] results) {
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            StatusCheck.Sent sent = events.get(i);
            try {
                checked.add(new Checked(i, StatusCheck.check(sent, now)));
            } catch (InvalidRequest e) {
                results[i] = StatusResult.refused(sent == null ? null : sent.eventId(), e.type(), e.detail(), e.errors());
            }
        }
        return checked;
    }

    /**
     * A repeat of an event within the same batch is a DUPLICATE only when its first copy was taken; a refused first
     * copy was not kept, so the repeat gets the same refusal.
     */
    private static void answerRepeats(StatusResult[] results) {
        Map<String, StatusResult> first = new HashMap<>();
        for (int i = 0; i < results.length; i++) {
            StatusResult result = results[i];
            if (result == null || result.eventId() == null) {
                continue;
            }
            StatusResult earlier = first.putIfAbsent(result.eventId(), result);
            if (earlier != null && "DUPLICATE".equals(result.result()) && earlier.refused()) {
                results[i] = earlier;
            }
        }
    }

    /** Drops reports taken before, and repeats within the batch itself. */
    private List<Checked> unseen(Partner partner, List<Checked> checked, StatusResult[] results) {
        if (checked.isEmpty()) {
            return new ArrayList<>();
        }
        Set<String> known = new HashSet<>(em.createNamedQuery(PartnerEvent.KNOWN_IDS, String.class)
                .setParameter("partner", partner.id())
                .setParameter("ids", checked.stream().map(c -> c.report().eventId()).distinct().toList()).getResultList());
        List<Checked> fresh = new ArrayList<>();
        for (Checked c : checked) {
            if (known.add(c.report().eventId())) {
                fresh.add(c);
            } else {
                results[c.index()] = StatusResult.duplicate(c.report().eventId());
            }
        }
        return fresh;
    }

    /** The partner's handoffs of the parcels named, by tracking id: another partner's parcel is simply not there. */
    private Map<String, Handoff> handoffsOf(Partner partner, List<Checked> reports) {
        if (reports.isEmpty()) {
            return Map.of();
        }
        List<String> ids = reports.stream().map(c -> c.report().trackingId().value()).distinct().toList();
        Map<String, Handoff> found = new HashMap<>();
        for (Handoff handoff : em.createQuery("SELECT h FROM Handoff h JOIN FETCH h.parcel p WHERE h.partnerCode = :partner"
                + " AND p.trackingId IN :ids ORDER BY h.acceptedAt", Handoff.class).setParameter("partner", partner.code())
                .setParameter("ids", ids).getResultList()) {
            found.put(handoff.parcel().trackingId().value(), handoff); // the latest handoff of each parcel wins
        }
        return found;
    }

    private StatusResult apply(Partner partner, StatusReport report, Handoff handoff, Instant now, String channel) {
        try {
            if (handoff == null) {
                throw new NotFound("parcel", report.trackingId().value());
            }
            requireCarried(handoff, report);
            PartnerEvent.Outcome outcome = handoff.report(report.status(), report.occurredAt());
            boolean history = outcome == PartnerEvent.Outcome.HISTORY;
            consequences(partner, handoff, report, history);
            em.persist(new PartnerEvent(partner.id(), report.eventId(), handoff.id(), report.status(), report.occurredAt(),
                    now, outcome, channel));
            return StatusResult.taken(report.eventId(), history);
        } catch (DomainException e) {
            return StatusResult.refused(report.eventId(), e.type(), e.detail(), List.of());
        }
    }

    /**
     * A delivery or an attempt needs the parcel still with the partner (not cancelled, not already given back to its
     * sender): checked before anything changes, since what follows may not fail half-way.
     */
    private static void requireCarried(Handoff handoff, StatusReport report) {
        boolean older = handoff.statusAt().map(report.occurredAt()::isBefore).orElse(false);
        boolean decisive = report.status() == PartnerStatus.DELIVERED || report.status() == PartnerStatus.ATTEMPT_FAILED;
        if (decisive && !older && handoff.parcel().status() != ParcelStatus.HANDED_TO_PARTNER) {
            throw new RuleViolation("status-contradicts-parcel", "Status contradicts the parcel", "Parcel "
                    + report.trackingId().value() + " is " + handoff.parcel().status() + "; it can no longer be "
                    + report.status().name().toLowerCase().replace('_', ' ') + " by you.");
        }
    }

    private void consequences(Partner partner, Handoff handoff, StatusReport report, boolean history) {
        Parcel parcel = handoff.parcel();
        String by = "our delivery partner " + partner.name();
        switch (report.status()) {
            case PICKED_UP -> step.fire(new PartnerStepReported(parcel.trackingId(), TrackingCode.HANDED_TO_PARTNER,
                    "Collected by " + by + ".", report.occurredAt()));
            case OUT_FOR_DELIVERY -> step.fire(new PartnerStepReported(parcel.trackingId(), TrackingCode.OUT_FOR_DELIVERY,
                    "Out for delivery with " + by + ".", report.occurredAt()));
            case DELIVERED -> deliveredBy(parcel, report);
            case ATTEMPT_FAILED -> attempted(parcel, handoff, report, history, by);
            case RETURNED_TO_CARRIER -> {
                if (parcel.status() == ParcelStatus.HANDED_TO_PARTNER) {
                    parcel.backFromPartner(FailedAttemptPolicy.nextDeliveryDay(day(report.occurredAt())));
                }
                step.fire(new PartnerStepReported(parcel.trackingId(), TrackingCode.BACK_AT_DEPOT,
                        parcel.status() == ParcelStatus.RETURNING_TO_SENDER ? "Back with us from " + by
                                + "; on its way back to the sender." : "Back at our depot from " + by + ".",
                        report.occurredAt()));
            }
        }
    }

    private void deliveredBy(Parcel parcel, StatusReport report) {
        DeliveryProof proof = new DeliveryProof(parcel, new DeliveryProof.Evidence(report.method(), report.receivedBy(),
                null, null, report.position(), null, report.signaturePng()), report.occurredAt(), null, null);
        em.persist(proof);
        if (report.photoJpeg() != null) {
            em.persist(Photo.ofDelivery(proof.id(), report.photoJpeg(), report.occurredAt()));
        }
        delivered.fire(new ParcelDelivered(parcel.trackingId(), proof.id(), report.method(), report.receivedBy(),
                report.occurredAt()));
    }

    /**
     * The carrier's failed-attempt policy decides, as for its own drivers; an attempt older than the partner's latest
     * report is history: on the timeline, without a decision of its own.
     */
    private void attempted(Parcel parcel, Handoff handoff, StatusReport report, boolean history, String by) {
        String reason = report.reason().name().toLowerCase().replace('_', ' ');
        if (history) {
            step.fire(new PartnerStepReported(parcel.trackingId(), TrackingCode.ATTEMPT_FAILED,
                    "Delivery attempt by " + by + " failed: " + reason + ".", report.occurredAt()));
            return;
        }
        int attempt = parcel.failedAttempts() + 1;
        FailedAttemptPolicy.Decision decision = rules.policy().decide(report.reason(), attempt, day(report.occurredAt()));
        FailedAttempt failedAttempt = new FailedAttempt(parcel, null, null, report.reason(), attempt, decision.step(),
                report.occurredAt(), report.position());
        em.persist(failedAttempt);
        if (report.photoJpeg() != null) {
            em.persist(Photo.ofAttempt(failedAttempt.id(), report.photoJpeg(), report.occurredAt()));
        }
        if (decision.step() == NextStep.RETURN_TO_SENDER) {
            handoff.returnIsDue();
        }
        failed.fire(new ParcelDeliveryFailed(parcel.trackingId(), report.reason(), attempt, decision.step(), decision.day(),
                report.occurredAt()));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneId.of(zone));
    }
}
