package dev.lastmile.model.proof;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** A JPEG taken by the driver as evidence of a delivery or of a failed attempt. */
@Entity
@Table(name = "pod_photo")
@NamedQuery(name = Photo.OF_PROOF, query = "SELECT p FROM Photo p WHERE p.proofId = :proof ORDER BY p.id")
@NamedQuery(name = Photo.FOLLOWED, query = "SELECT COUNT(p) FROM Photo p WHERE p.proofId = :proof AND p.followIndex = :index")
public class Photo {

    public static final String OF_PROOF = "Photo.ofProof";
    public static final String FOLLOWED = "Photo.followed";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "pod_photo_serial")
    @TableGenerator(name = "pod_photo_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "pod_photo", allocationSize = 50)
    private Long id;

    @Column(name = "proof_id")
    private Long proofId;

    @Column(name = "attempt_id")
    private Long attemptId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] jpeg;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    /** For a photo sent after its delivery: its number (1, 2, …) among those the delivery announced. */
    @Column(name = "follow_index")
    private Integer followIndex;

    protected Photo() {
    }

    private Photo(Long proofId, Long attemptId, byte[] jpeg, Instant takenAt) {
        this.proofId = proofId;
        this.attemptId = attemptId;
        this.jpeg = jpeg.clone();
        this.takenAt = takenAt;
    }

    public static Photo ofDelivery(long proofId, byte[] jpeg, Instant takenAt) {
        return new Photo(proofId, null, jpeg, takenAt);
    }

    /** Photo number {@code index} of those a delivery said would follow it. */
    public static Photo followingDelivery(long proofId, int index, byte[] jpeg, Instant takenAt) {
        Photo photo = new Photo(proofId, null, jpeg, takenAt);
        photo.followIndex = index;
        return photo;
    }

    public static Photo ofAttempt(long attemptId, byte[] jpeg, Instant takenAt) {
        return new Photo(null, attemptId, jpeg, takenAt);
    }

    public byte[] jpeg() {
        return jpeg.clone();
    }
}
