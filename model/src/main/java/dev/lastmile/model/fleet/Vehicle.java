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
import java.math.BigDecimal;
import java.util.Optional;

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

    /** Load space; null when only weight and parcel count matter. */
    @Column(name = "capacity_litres")
    private Double capacityLitres;

    /** Electric range on one charge; null for combustion vans and bikes. */
    @Column(name = "range_km")
    private Double rangeKm;

    @Column(name = "fixed_cost", nullable = false)
    private BigDecimal fixedCost = BigDecimal.ZERO;

    @Column(name = "cost_per_km", nullable = false)
    private BigDecimal costPerKm = new BigDecimal("0.25");

    @Column(name = "cost_per_hour", nullable = false)
    private BigDecimal costPerHour = BigDecimal.ZERO;

    @Column(name = "co2_g_per_km", nullable = false)
    private double co2GramsPerKm;

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

    /** The running figures the planner weighs and reports: space, range, costs and emissions. */
    public void specify(Double capacityLitres, Double rangeKm, BigDecimal fixedCost,
                        BigDecimal costPerKm, BigDecimal costPerHour, double co2GramsPerKm) {
        this.capacityLitres = capacityLitres;
        this.rangeKm = rangeKm;
        this.fixedCost = fixedCost;
        this.costPerKm = costPerKm;
        this.costPerHour = costPerHour;
        this.co2GramsPerKm = co2GramsPerKm;
    }

    public Optional<Double> capacityLitres() {
        return Optional.ofNullable(capacityLitres);
    }

    public Optional<Double> rangeKm() {
        return Optional.ofNullable(rangeKm);
    }

    public BigDecimal fixedCost() {
        return fixedCost;
    }

    public BigDecimal costPerKm() {
        return costPerKm;
    }

    public BigDecimal costPerHour() {
        return costPerHour;
    }

    public double co2GramsPerKm() {
        return co2GramsPerKm;
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
