package dev.lastmile.model.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A vehicle in the workshop or a driver on leave for a day: the planner leaves them out. */
@Entity
@Table(name = "fleet_absence")
@NamedQuery(name = FleetAbsence.OF_DAY, query = "SELECT a FROM FleetAbsence a WHERE a.depotId = :depotId AND a.day = :day")
public class FleetAbsence {

    public static final String OF_DAY = "FleetAbsence.ofDay";

    public enum Resource { VEHICLE, DRIVER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "depot_id", nullable = false)
    private long depotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Resource resource;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(name = "absence_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false, length = 120)
    private String reason;

    protected FleetAbsence() {
    }

    public FleetAbsence(long depotId, Resource resource, long resourceId, LocalDate day, String reason) {
        this.depotId = depotId;
        this.resource = resource;
        this.resourceId = resourceId;
        this.day = day;
        this.reason = reason;
    }

    public Resource resource() {
        return resource;
    }

    public long resourceId() {
        return resourceId;
    }

    public String reason() {
        return reason;
    }
}
