package dev.lastmile.model.choice;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.model.problem.RuleViolation;
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
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;

/** A bookable time slot of one depot on one day: recipients take it until its capacity is used up. */
@Entity
@Table(name = "delivery_slot")
@NamedQuery(name = DeliverySlot.OF_DAY, query = "SELECT s FROM DeliverySlot s WHERE s.depot = :depot AND s.day = :day"
        + " ORDER BY s.from")
public class DeliverySlot {

    public static final String OF_DAY = "DeliverySlot.ofDay";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "depot_id")
    private Depot depot;

    @Column(name = "slot_day", nullable = false)
    private LocalDate day;

    @Column(name = "slot_from", nullable = false)
    private LocalTime from;

    @Column(name = "slot_to", nullable = false)
    private LocalTime to;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private int booked;

    @Version
    private long version;

    protected DeliverySlot() {
    }

    public DeliverySlot(Depot depot, LocalDate day, TimeSlot slot, int capacity) {
        this.depot = depot;
        this.day = day;
        this.from = slot.from();
        this.to = slot.to();
        this.capacity = capacity;
    }

    public void book() {
        if (free() <= 0) {
            throw new RuleViolation("slot-full", "Time slot full",
                    "The slot " + from + "–" + to + " on " + day + " is fully booked; choose another.");
        }
        booked++;
    }

    public void release() {
        booked = Math.max(0, booked - 1);
    }

    public int free() {
        return capacity - booked;
    }

    public TimeSlot slot() {
        return new TimeSlot(from, to);
    }

    public LocalDate day() {
        return day;
    }
}
