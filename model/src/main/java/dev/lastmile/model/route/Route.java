package dev.lastmile.model.route;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;
import dev.lastmile.model.parcel.Parcel;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** One vehicle's tour of a day from its depot: the stops in the order they are driven. */
@Entity
@Table(name = "route")
@NamedQuery(name = Route.OF_DRIVER_DAY, query = "SELECT r FROM Route r WHERE r.driver = :driver AND r.day = :day ORDER BY r.id")
@NamedQuery(name = Route.OF_DAY, query = "SELECT r FROM Route r WHERE r.depot = :depot AND r.day = :day ORDER BY r.id")
public class Route {

    public static final String OF_DAY = "Route.ofDay";
    public static final String OF_DRIVER_DAY = "Route.ofDriverDay";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "depot_id")
    private Depot depot;

    @ManyToOne(optional = false)
    @JoinColumn(name = "vehicle_id")
    private Vehicle vehicle;

    @ManyToOne
    @JoinColumn(name = "driver_id")
    private Driver driver;

    @Column(name = "route_day", nullable = false)
    private LocalDate day;

    @Column(name = "departure", nullable = false)
    private LocalDateTime departure;

    @Column(name = "distance_km", nullable = false)
    private double distanceKm;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "planning_job_id")
    private Long planningJobId;

    @Column(name = "drive_minutes", nullable = false)
    private double driveMinutes;

    @Column(nullable = false)
    private BigDecimal cost = BigDecimal.ZERO;

    @Column(name = "co2_kg", nullable = false)
    private double co2Kg;

    @Column(name = "returns_at")
    private LocalDateTime returnsAt;

    @Column(name = "break_at")
    private LocalDateTime breakAt;

    /** Counts the published versions: a re-plan that changes the route raises it, never silently. */
    @Column(nullable = false)
    private int revision = 1;

    @Column(name = "revised_at")
    private Instant revisedAt;

    /** Set when the vehicle broke down: its remaining stops went to other routes. */
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /**
     * The highest stop number used before a revision dropped stops: new stops number on from it, since the
     * dropped rows are deleted only at the end of the transaction (stop numbers are unique per route).
     */
    @Transient
    private int sequenceFloor;

    @OneToMany(mappedBy = "route", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sequence")
    private List<Stop> stops = new ArrayList<>();

    protected Route() {
    }

    public Route(Depot depot, Vehicle vehicle, Driver driver, LocalDate day, LocalDateTime departure) {
        this.depot = depot;
        this.vehicle = vehicle;
        this.driver = driver;
        this.day = day;
        this.departure = departure;
    }

    /** Appends the next stop; distances accumulate so the route always knows its length. */
    public Stop addStop(Parcel parcel, LocalDateTime eta, double kilometresFromPrevious) {
        Stop stop = new Stop(this, stops.size() + 1, parcel, eta);
        stops.add(stop);
        distanceKm += kilometresFromPrevious;
        return stop;
    }

    /** Appends the next stop with its departure and the load left on board after it. */
    public Stop addStop(Parcel parcel, LocalDateTime eta, LocalDateTime departs, double kilometresFromPrevious,
                        double loadKgAfter) {
        int next = Math.max(sequenceFloor, stops.stream().mapToInt(Stop::sequence).max().orElse(0)) + 1;
        Stop stop = new Stop(this, next, parcel, eta, departs, loadKgAfter);
        stops.add(stop);
        distanceKm += kilometresFromPrevious;
        return stop;
    }

    /** A return collected at the recipient's door: it adds load from this stop on. */
    public Stop addPickup(dev.lastmile.model.returns.ParcelReturn pickup, LocalDateTime eta, LocalDateTime departs,
                          double kilometresFromPrevious, double loadKgAfter) {
        return addStop(pickup.parcel(), eta, departs, kilometresFromPrevious, loadKgAfter).collecting(pickup);
    }

    /** The stops that hand a parcel over (pickups of returns left out). */
    public List<Stop> deliveries() {
        return stops.stream().filter(s -> !s.isPickup()).toList();
    }

    /** What the plan says the route costs: drive time, money, CO2, when it is back and when the break is. */
    public void account(Long planningJobId, double driveMinutes, BigDecimal cost, double co2Kg,
                        LocalDateTime returnsAt, LocalDateTime breakAt) {
        this.planningJobId = planningJobId;
        this.driveMinutes = driveMinutes;
        this.cost = cost;
        this.co2Kg = co2Kg;
        this.returnsAt = returnsAt;
        this.breakAt = breakAt;
    }

    /**
     * A re-plan changed this route: the stops not yet done are dropped (the caller adds the new
     * ones), the distance starts again from the done part, and the revision goes up.
     */
    public List<Stop> revise(Predicate<Stop> done, double kilometresDone, Instant at) {
        sequenceFloor = Math.max(sequenceFloor, stops.stream().mapToInt(Stop::sequence).max().orElse(0));
        List<Stop> dropped = stops.stream().filter(done.negate()).toList();
        stops.removeAll(dropped);
        distanceKm = kilometresDone;
        revision++;
        revisedAt = at;
        return dropped;
    }

    public void withdraw(Instant at) {
        withdrawnAt = at;
        revisedAt = at;
        revision++;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public double driveMinutes() {
        return driveMinutes;
    }

    public BigDecimal cost() {
        return cost;
    }

    public double co2Kg() {
        return co2Kg;
    }

    public Optional<LocalDateTime> returnsAt() {
        return Optional.ofNullable(returnsAt);
    }

    public Optional<LocalDateTime> breakAt() {
        return Optional.ofNullable(breakAt);
    }

    public int revision() {
        return revision;
    }

    public Optional<Long> planningJobId() {
        return Optional.ofNullable(planningJobId);
    }

    /** Adds the drive back to the depot after the last stop. */
    public void closeAtDepot(double kilometresBack) {
        distanceKm += kilometresBack;
    }

    /** Day close: the driver is back and the route's parcels are reconciled; it takes no more scans. */
    public void close(Instant at) {
        if (closedAt != null) {
            throw new dev.lastmile.model.problem.RuleViolation("route-closed", "Route already closed",
                    "Route " + id + " was closed at " + closedAt + ".");
        }
        closedAt = at;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public Long id() {
        return id;
    }

    public Depot depot() {
        return depot;
    }

    public Vehicle vehicle() {
        return vehicle;
    }

    public Driver driver() {
        return driver;
    }

    public LocalDate day() {
        return day;
    }

    public LocalDateTime departure() {
        return departure;
    }

    public double distanceKm() {
        return distanceKm;
    }

    public List<Stop> stops() {
        return Collections.unmodifiableList(stops);
    }
}
