package dev.lastmile.model.handoff;

import jakarta.persistence.NamedQuery;
import dev.lastmile.model.parcel.Parcel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A parcel accepted by a partner 3PL, which delivers it from then on. */
@Entity
@Table(name = "handoff")
@NamedQuery(name = Handoff.OF_PARTNER, query = "SELECT h FROM Handoff h JOIN FETCH h.parcel WHERE h.partnerCode = :partnerCode"
        + " ORDER BY h.acceptedAt DESC")
public class Handoff {

    public static final String OF_PARTNER = "Handoff.ofPartner";

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

    protected Handoff() {
    }

    public Handoff(Parcel parcel, String partnerCode, String partnerReference, String channel, Instant acceptedAt) {
        this.parcel = parcel;
        this.partnerCode = partnerCode;
        this.partnerReference = partnerReference;
        this.channel = channel;
        this.acceptedAt = acceptedAt;
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
