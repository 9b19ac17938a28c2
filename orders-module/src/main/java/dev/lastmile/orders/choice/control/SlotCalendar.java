package dev.lastmile.orders.choice.control;

import dev.lastmile.model.choice.DeliverySlot;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.parcel.TimeSlot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bookable slots of a depot's day, opened from the carrier's slot pattern the first time anyone
 * asks for that day. Opening runs in its own transaction, so two recipients asking at once cannot
 * both open the day (the unique key refuses the second, which then reads the first one's slots).
 */
@Stateless
public class SlotCalendar {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** Comma-separated HH:mm-HH:mm windows offered every delivery day. */
    @Inject
    @ConfigProperty(name = "lastmile.slots.pattern", defaultValue = "08:00-10:00,10:00-12:00,12:00-14:00,14:00-16:00,16:00-18:00,18:00-20:00")
    String pattern;

    @Inject
    @ConfigProperty(name = "lastmile.slots.capacity", defaultValue = "40")
    int capacity;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(Depot depot, LocalDate day) {
        Depot managed = em.find(Depot.class, depot.id());
        if (!slotsOf(managed, day).isEmpty()) {
            return;
        }
        try {
            for (TimeSlot slot : pattern()) {
                em.persist(new DeliverySlot(managed, day, slot, capacity));
            }
            em.flush();
        } catch (PersistenceException openedMeanwhile) {
            // Someone else opened the day first: their slots stand.
        }
    }

    public List<DeliverySlot> slotsOf(Depot depot, LocalDate day) {
        return em.createNamedQuery(DeliverySlot.OF_DAY, DeliverySlot.class).setParameter("depot", depot)
                .setParameter("day", day).getResultList();
    }

    List<TimeSlot> pattern() {
        return Arrays.stream(pattern.split(",")).map(String::trim).map(w -> w.split("-"))
                .map(w -> new TimeSlot(LocalTime.parse(w[0]), LocalTime.parse(w[1]))).toList();
    }
}
