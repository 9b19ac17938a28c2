package dev.lastmile.model.fleet;

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

/** A vehicle based at a depot, with what it can carry. */
@Entity
@Table(name = "vehicle")
@NamedQuery(name = Vehicle.AT_DEPOT, query = "SELECT v FROM Vehicle v WHERE v.depot = :depot ORDER BY v.registration")
public class Vehicle {

    public static final String AT_DEPOT = "Vehicle.atDepot";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "depot_id")
    private Depot depot;

    @Column(nullable = false, unique = true, length = 16)
    private String registration;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VehicleType type;

    @Column(name = "capacity_kg", nullable = false)
    private double capacityKg;

    @Column(name = "capacity_parcels", nullable = false)
    private int capacityParcels;

    protected Vehicle() {
    }

    public Vehicle(Depot depot, String registration, VehicleType type, double capacityKg, int capacityParcels) {
        if (capacityKg <= 0 || capacityParcels <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.depot = depot;
        this.registration = registration;
        this.type = type;
        this.capacityKg = capacityKg;
        this.capacityParcels = capacityParcels;
    }

    public Long id() {
        return id;
    }

    public Depot depot() {
        return depot;
    }

    public String registration() {
        return registration;
    }

    public VehicleType type() {
        return type;
    }

    public double capacityKg() {
        return capacityKg;
    }

    public int capacityParcels() {
        return capacityParcels;
    }
}
