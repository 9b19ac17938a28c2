package dev.lastmile.model.handoff;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.RateCard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** A parcel a dispatcher offers to one partner; only that partner may accept it, once. */
@Entity
@Table(name = "partner_offer")
@NamedQuery(name = PartnerOffer.OPEN, query = "SELECT o FROM PartnerOffer o WHERE o.parcel = :parcel"
        + " AND o.partner = :partner AND o.acceptedAt IS NULL AND o.withdrawnAt IS NULL AND o.refusedAt IS NULL")
@NamedQuery(name = PartnerOffer.OPEN_TO, query = "SELECT o FROM PartnerOffer o JOIN FETCH o.parcel WHERE o.partner = :partner"
        + " AND o.acceptedAt IS NULL AND o.withdrawnAt IS NULL AND o.refusedAt IS NULL ORDER BY o.offeredAt")
@NamedQuery(name = PartnerOffer.OPEN_FOR_PARCEL, query = "SELECT o FROM PartnerOffer o WHERE o.parcel = :parcel"
        + " AND o.acceptedAt IS NULL AND o.withdrawnAt IS NULL AND o.refusedAt IS NULL")
@NamedQuery(name = PartnerOffer.MANIFEST, query = "SELECT o FROM PartnerOffer o JOIN FETCH o.parcel WHERE o.partner = :partner"
        + " AND o.offeredFor = :day AND o.withdrawnAt IS NULL AND o.refusedAt IS NULL ORDER BY o.offeredAt, o.id")
@NamedQuery(name = PartnerOffer.OF_PARCEL, query = "SELECT o FROM PartnerOffer o JOIN FETCH o.partner WHERE o.parcel = :parcel"
        + " ORDER BY o.offeredAt")
public class PartnerOffer {

    public static final String OPEN = "PartnerOffer.open";
    public static final String MANIFEST = "PartnerOffer.manifest";
    public static final String OF_PARCEL = "PartnerOffer.ofParcel";
    public static final String OPEN_TO = "PartnerOffer.openTo";
    public static final String OPEN_FOR_PARCEL = "PartnerOffer.openForParcel";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parcel_id")
    private Parcel parcel;

    @ManyToOne(optional = false)
    @JoinColumn(name = "partner_id")
    private Partner partner;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "offered_by", nullable = false, length = 120)
    private String offeredBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** Why allocation chose this partner (or "chosen by" a dispatcher), for the parcel's history. */
    @Column(length = 300)
    private String reason;

    @Column(name = "offered_for")
    private LocalDate offeredFor;

    @Column(name = "price_base", precision = 10, scale = 2)
    private BigDecimal priceBase;

    @Column(name = "price_surcharge", precision = 10, scale = 2)
    private BigDecimal priceSurcharge;

    @Column(name = "refused_at")
    private Instant refusedAt;

    @Column(name = "refusal_reason", length = 300)
    private String refusalReason;

    protected PartnerOffer() {
    }

    public PartnerOffer(Parcel parcel, Partner partner, String offeredBy, Instant offeredAt) {
        this.parcel = parcel;
        this.partner = partner;
        this.offeredBy = offeredBy;
        this.offeredAt = offeredAt;
    }

    /** An offer for the parcel's delivery day at the price the partner's card gives it. */
    public PartnerOffer(Parcel parcel, Partner partner, String offeredBy, Instant offeredAt, String reason,
                        RateCard.Price price) {
        this(parcel, partner, offeredBy, offeredAt);
        this.reason = reason;
        this.offeredFor = parcel.deliveryDate();
        this.priceBase = price.base();
        this.priceSurcharge = price.surcharge();
    }

    public void refused(Instant at, String why) {
        refusedAt = at;
        refusalReason = why;
    }

    public boolean isOpen() {
        return acceptedAt == null && withdrawnAt == null && refusedAt == null;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public LocalDate offeredFor() {
        return offeredFor != null ? offeredFor : parcel.deliveryDate();
    }

    public BigDecimal priceBase() {
        return priceBase;
    }

    public BigDecimal priceSurcharge() {
        return priceSurcharge;
    }

    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    public Optional<Instant> refusedAt() {
        return Optional.ofNullable(refusedAt);
    }

    public Optional<String> refusalReason() {
        return Optional.ofNullable(refusalReason);
    }

    public void accepted(Instant at) {
        acceptedAt = at;
    }

    public void withdraw(Instant at) {
        withdrawnAt = at;
    }

    public Long id() {
        return id;
    }

    public Parcel parcel() {
        return parcel;
    }

    public Partner partner() {
        return partner;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public String offeredBy() {
        return offeredBy;
    }
}
