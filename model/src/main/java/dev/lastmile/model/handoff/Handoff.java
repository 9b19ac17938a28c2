package dev.lastmile.model.handoff;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A parcel accepted by a partner 3PL, which delivers it from then on. */
@Entity
@Table(name = "handoff")
@NamedQuery(name = Handoff.OPEN_OF_PARCEL, query = "SELECT h FROM Handoff h WHERE h.parcel = :parcel"
        + " AND h.recalledAt IS NULL ORDER BY h.acceptedAt DESC")
@NamedQuery(name = Handoff.OF_PARTNER, query = "SELECT h FROM Handoff h JOIN FETCH h.parcel WHERE h.partnerCode = :partnerCode"
        + " ORDER BY h.acceptedAt DESC")
public class Handoff {

    public static final String OF_PARTNER = "Handoff.ofPartner";
    public static final String OPEN_OF_PARCEL = "Handoff.openOfParcel";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parcel_id")
    private Parcel parcel;

    @Column(name = "partner_code", nullable = false, length = 16)
    private String partnerCode;

    @Column(name = "partner_reference", nullable = false, length = 64)
    private String partnerReference;

    @Column(nullable = false, length = 8)
    private String channel;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "partner_id")
    private Long partnerId;

    /** The last status the partner reported, in occurrence order; none yet right after acceptance. */
    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    private PartnerStatus status;

    /** When that status occurred, as the partner says. */
    @Column(name = "status_at")
    private Instant statusAt;

    /** The failed-attempt policy gave the parcel up: the partner owes it back to the carrier. */
    @Column(name = "return_due", nullable = false)
    private boolean returnDue;

    @Column(name = "recalled_at")
    private Instant recalledAt;

    /** Quoted from the partner's rate card when the parcel was offered, so a later card does not change it. */
    @Column(name = "price_base", precision = 10, scale = 2)
    private BigDecimal priceBase;

    @Column(name = "price_surcharge", precision = 10, scale = 2)
    private BigDecimal priceSurcharge;

    /** The manifest day: the parcel's delivery day when it was offered. */
    @Column(name = "offered_for")
    private LocalDate offeredFor;

    protected Handoff() {
    }

    public Handoff(Parcel parcel, String partnerCode, String partnerReference, String channel, Instant acceptedAt) {
        this.parcel = parcel;
        this.partnerCode = partnerCode;
        this.partnerReference = partnerReference;
        this.channel = channel;
        this.acceptedAt = acceptedAt;
    }

    public Handoff(Parcel parcel, Partner partner, PartnerOffer offer, String partnerReference, String channel,
                   Instant acceptedAt) {
        this(parcel, partner.code(), partnerReference, channel, acceptedAt);
        this.partnerId = partner.id();
        this.priceBase = offer.priceBase();
        this.priceSurcharge = offer.priceSurcharge();
        this.offeredFor = offer.offeredFor();
    }

    /**
     * Takes a status report into account: as the new state when it is the latest and may follow the current one;
     * as history when it occurred before the latest one and says nothing final.
     *
     * @throws RuleViolation when the report contradicts what the partner said before, and nothing changes
     */
    public PartnerEvent.Outcome report(PartnerStatus reported, Instant occurredAt) {
        if (occurredAt.isBefore(acceptedAt.minusSeconds(60))) {
            throw contradiction("It occurred at " + occurredAt + ", before you accepted the parcel (" + acceptedAt + ").");
        }
        // What happened before the recall (a delivery the notice came too late for) still counts.
        if (recalledAt != null && reported != PartnerStatus.RETURNED_TO_CARRIER && !occurredAt.isBefore(recalledAt)) {
            throw contradiction("The carrier recalled the parcel at " + recalledAt + "; only its return can be reported.");
        }
        if (statusAt != null && occurredAt.isBefore(statusAt)) {
            if (reported.isFinal()) {
                throw contradiction("You reported it " + describe(status) + " at " + statusAt + "; it cannot have been "
                        + describe(reported) + " before that.");
            }
            return PartnerEvent.Outcome.HISTORY;
        }
        if (!reported.mayFollow(status)) {
            throw contradiction("You reported it " + describe(status) + " at " + statusAt + "; it cannot be "
                    + describe(reported) + " after that.");
        }
        if (returnDue && reported != PartnerStatus.RETURNED_TO_CARRIER) {
            throw contradiction("The parcel goes back to its sender: bring it back to the carrier and report"
                    + " RETURNED_TO_CARRIER.");
        }
        status = reported;
        statusAt = occurredAt;
        return PartnerEvent.Outcome.APPLIED;
    }

    public void returnIsDue() {
        returnDue = true;
    }

    public void recall(Instant at) {
        recalledAt = at;
    }

    /** With the partner: accepted, neither delivered nor returned, nor recalled. */
    public boolean isOpen() {
        return recalledAt == null && (status == null || !status.isFinal());
    }

    private static RuleViolation contradiction(String detail) {
        return new RuleViolation("status-contradicts-parcel", "Status contradicts the parcel", detail);
    }

    private static String describe(PartnerStatus status) {
        return status == null ? "accepted" : status.name().toLowerCase().replace('_', ' ');
    }

    public Optional<PartnerStatus> status() {
        return Optional.ofNullable(status);
    }

    public Optional<Instant> statusAt() {
        return Optional.ofNullable(statusAt);
    }

    public boolean returnDue() {
        return returnDue;
    }

    public Optional<Instant> recalledAt() {
        return Optional.ofNullable(recalledAt);
    }

    public Long partnerId() {
        return partnerId;
    }

    public String channel() {
        return channel;
    }

    public Long id() {
        return id;
    }

    public Parcel parcel() {
        return parcel;
    }

    public String partnerCode() {
        return partnerCode;
    }

    public String partnerReference() {
        return partnerReference;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
