package dev.lastmile.model.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A driver based at a depot. */
@Entity
@Table(name = "driver")
@NamedQuery(name = Driver.AT_DEPOT, query = "SELECT d FROM Driver d WHERE d.depot = :depot ORDER BY d.name")
public class Driver {

    public static final String AT_DEPOT = "Driver.atDepot";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "depot_id")
    private Depot depot;

    @Column(nullable = false, length = 120)
    private String name;

    protected Driver() {
    }

    public Driver(Depot depot, String name) {
        this.depot = depot;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public Depot depot() {
        return depot;
    }

    public String name() {
        return name;
    }
}
