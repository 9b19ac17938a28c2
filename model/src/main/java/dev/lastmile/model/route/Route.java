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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    public java.util.Optional<Instant> closedAt() {
        return java.util.Optional.ofNullable(closedAt);
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
