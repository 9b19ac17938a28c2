package dev.lastmile.model.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A shipper's CSV upload and its row-by-row report, kept so the shipper can download it again. */
@Entity
@Table(name = "intake_upload")
public class IntakeUpload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "shipper_id", nullable = false)
    private long shipperId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(nullable = false)
    private int created;

    @Column(nullable = false)
    private int existing;

    @Column(nullable = false)
    private int rejected;

    @Column(nullable = false)
    private String report;

    protected IntakeUpload() {
    }

    public IntakeUpload(long shipperId, Instant receivedAt, int created, int existing, int rejected, String report) {
        this.shipperId = shipperId;
        this.receivedAt = receivedAt;
        this.rowsTotal = created + existing + rejected;
        this.created = created;
        this.existing = existing;
        this.rejected = rejected;
        this.report = report;
    }

    public Long id() {
        return id;
    }

    public long shipperId() {
        return shipperId;
    }

    public int created() {
        return created;
    }

    public int existing() {
        return existing;
    }

    public int rejected() {
        return rejected;
    }

    public int rowsTotal() {
        return rowsTotal;
    }

    public String report() {
        return report;
    }
}
