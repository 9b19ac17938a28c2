package dev.lastmile.model.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** What a route's live forecast says about the rest of its day: stops that will miss their slot, the return. */
@Entity
@Table(name = "route_forecast")
@NamedQuery(name = RouteForecast.OF_DEPOT_DAY, query = "SELECT f FROM RouteForecast f WHERE f.depotId = :depot"
        + " AND f.day = :day ORDER BY f.worstLateMinutes DESC, f.routeId")
public class RouteForecast {

    public static final String OF_DEPOT_DAY = "RouteForecast.ofDepotDay";

    @Id
    @Column(name = "route_id")
    private long routeId;

    @Column(name = "depot_id", nullable = false)
    private long depotId;

    @Column(name = "route_day", nullable = false)
    private LocalDate day;

    @Column(name = "stops_left", nullable = false)
    private int stopsLeft;

    @Column(name = "stops_late", nullable = false)
    private int stopsLate;

    @Column(name = "worst_late_min", nullable = false)
    private int worstLateMinutes;

    @Column(name = "predicted_return")
    private LocalDateTime predictedReturn;

    @Column(name = "shift_end")
    private LocalDateTime shiftEnd;

    @Column(nullable = false)
    private double pace;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RouteForecast() {
    }

    public RouteForecast(long routeId, long depotId, LocalDate day) {
        this.routeId = routeId;
        this.depotId = depotId;
        this.day = day;
    }

    public void update(int stopsLeft, int stopsLate, int worstLateMinutes, LocalDateTime predictedReturn,
                       LocalDateTime shiftEnd, double pace, Instant at) {
        this.stopsLeft = stopsLeft;
        this.stopsLate = stopsLate;
        this.worstLateMinutes = worstLateMinutes;
        this.predictedReturn = predictedReturn;
        this.shiftEnd = shiftEnd;
        this.pace = pace;
        this.updatedAt = at;
    }

    /** Late: a stop will miss its slot or told window, or the van will be back after the driver's shift. */
    public boolean late() {
        return stopsLate > 0 || overShiftMinutes() > 0;
    }

    public long overShiftMinutes() {
        if (predictedReturn == null || shiftEnd == null || !predictedReturn.isAfter(shiftEnd)) {
            return 0;
        }
        return java.time.Duration.between(shiftEnd, predictedReturn).toMinutes();
    }

    public long routeId() {
        return routeId;
    }

    public int stopsLeft() {
        return stopsLeft;
    }

    public int stopsLate() {
        return stopsLate;
    }

    public int worstLateMinutes() {
        return worstLateMinutes;
    }

    public Optional<LocalDateTime> predictedReturn() {
        return Optional.ofNullable(predictedReturn);
    }

    public Optional<LocalDateTime> shiftEnd() {
        return Optional.ofNullable(shiftEnd);
    }

    public double pace() {
        return pace;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
