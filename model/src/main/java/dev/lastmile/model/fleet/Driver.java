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
import java.math.BigDecimal;
import java.time.LocalTime;

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

    @Column(name = "shift_start", nullable = false)
    private LocalTime shiftStart = LocalTime.of(8, 0);

    @Column(name = "shift_end", nullable = false)
    private LocalTime shiftEnd = LocalTime.of(18, 0);

    @Column(name = "break_minutes", nullable = false)
    private int breakMinutes = 30;

    @Column(name = "break_earliest", nullable = false)
    private LocalTime breakEarliest = LocalTime.of(11, 30);

    @Column(name = "break_latest", nullable = false)
    private LocalTime breakLatest = LocalTime.of(14, 0);

    @Column(name = "cost_per_hour", nullable = false)
    private BigDecimal costPerHour = new BigDecimal("15");

    protected Driver() {
    }

    public Driver(Depot depot, String name) {
        this.depot = depot;
        this.name = name;
    }

    /** The driver's shift and the break that must start inside its window (working-time rules). */
    public void workShift(LocalTime start, LocalTime end, int breakMinutes,
                          LocalTime breakEarliest, LocalTime breakLatest, BigDecimal costPerHour) {
        if (!start.isBefore(end) || breakMinutes < 0 || breakLatest.isBefore(breakEarliest)) {
            throw new IllegalArgumentException("a shift starts before it ends; a break window runs forwards");
        }
        this.shiftStart = start;
        this.shiftEnd = end;
        this.breakMinutes = breakMinutes;
        this.breakEarliest = breakEarliest;
        this.breakLatest = breakLatest;
        this.costPerHour = costPerHour;
    }

    public LocalTime shiftStart() {
        return shiftStart;
    }

    public LocalTime shiftEnd() {
        return shiftEnd;
    }

    public int breakMinutes() {
        return breakMinutes;
    }

    public LocalTime breakEarliest() {
        return breakEarliest;
    }

    public LocalTime breakLatest() {
        return breakLatest;
    }

    public BigDecimal costPerHour() {
        return costPerHour;
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
