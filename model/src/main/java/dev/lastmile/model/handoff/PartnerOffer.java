package dev.lastmile.model.handoff;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.partner.Partner;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A parcel a dispatcher offers to one partner; only that partner may accept it, once. */
@Entity
@Table(name = "partner_offer")
@NamedQuery(name = PartnerOffer.OPEN, query = "SELECT o FROM PartnerOffer o WHERE o.parcel = :parcel"
        + " AND o.partner = :partner AND o.acceptedAt IS NULL AND o.withdrawnAt IS NULL")
@NamedQuery(name = PartnerOffer.OPEN_TO, query = "SELECT o FROM PartnerOffer o JOIN FETCH o.parcel WHERE o.partner = :partner"
        + " AND o.acceptedAt IS NULL AND o.withdrawnAt IS NULL ORDER BY o.offeredAt")
@NamedQuery(name = PartnerOffer.OPEN_FOR_PARCEL, query = "SELECT o FROM PartnerOffer o WHERE o.parcel = :parcel"
        + " AND o.acceptedAt IS NULL AND o.withdrawnAt IS NULL")
public class PartnerOffer {

    public static final String OPEN = "PartnerOffer.open";
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

    protected PartnerOffer() {
    }

    public PartnerOffer(Parcel parcel, Partner partner, String offeredBy, Instant offeredAt) {
        this.parcel = parcel;
        this.partner = partner;
        this.offeredBy = offeredBy;
        this.offeredAt = offeredAt;
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
