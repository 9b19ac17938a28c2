package dev.lastmile.model.choice;

import dev.lastmile.model.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The compartments of one size at a collection point, and how many are promised to parcels. */
@Entity
@Table(name = "compartment_pool")
@NamedQuery(name = CompartmentPool.AT_POINT, query = "SELECT p FROM CompartmentPool p WHERE p.point = :point ORDER BY p.size")
public class CompartmentPool {

    public static final String AT_POINT = "CompartmentPool.atPoint";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "collection_point_id")
    private CollectionPoint point;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private CompartmentSize size;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private int reserved;

    @Version
    private long version;

    protected CompartmentPool() {
    }

    public CompartmentPool(CollectionPoint point, CompartmentSize size, int capacity) {
        this.point = point;
        this.size = size;
        this.capacity = capacity;
    }

    public void reserve() {
        if (free() <= 0) {
            throw new RuleViolation("collection-point-full", "Collection point full",
                    point.name() + " has no free " + size + " compartment left.");
        }
        reserved++;
    }

    public void release() {
        reserved = Math.max(0, reserved - 1);
    }

    public int free() {
        return capacity - reserved;
    }

    public CompartmentSize size() {
        return size;
    }
}
