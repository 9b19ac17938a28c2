package dev.lastmile.model.choice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change a recipient (or staff) made to how a parcel is delivered: the audit trail of choices. */
@Entity
@Table(name = "delivery_choice")
@NamedQuery(name = DeliveryChoice.OF_PARCEL, query = "SELECT c FROM DeliveryChoice c WHERE c.parcelId = :parcelId"
        + " ORDER BY c.madeAt, c.id")
public class DeliveryChoice {

    public static final String OF_PARCEL = "DeliveryChoice.ofParcel";

    public enum Kind { TIME_SLOT, SAFE_PLACE, NEIGHBOUR, COLLECTION_POINT, CONTACTLESS, INSTRUCTIONS, REDIRECT, HOLD, OPT_OUT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parcel_id", nullable = false)
    private long parcelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Kind kind;

    @Column(nullable = false, length = 400)
    private String detail;

    @Column(name = "made_by", nullable = false, length = 64)
    private String madeBy;

    @Column(name = "made_at", nullable = false)
    private Instant madeAt;

    protected DeliveryChoice() {
    }

    public DeliveryChoice(long parcelId, Kind kind, String detail, String madeBy, Instant madeAt) {
        this.parcelId = parcelId;
        this.kind = kind;
        this.detail = detail.length() > 400 ? detail.substring(0, 400) : detail;
        this.madeBy = madeBy;
        this.madeAt = madeAt;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public String madeBy() {
        return madeBy;
    }

    public Instant madeAt() {
        return madeAt;
    }
}
