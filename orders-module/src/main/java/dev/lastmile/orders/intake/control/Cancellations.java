package dev.lastmile.orders.intake.control;

import dev.lastmile.model.event.ParcelCancelled;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.choice.control.ChoiceDesk;
import dev.lastmile.orders.tracking.control.ParcelJourney;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A shipper calls a parcel off before it goes out: its booked slot or locker compartment is freed, the timeline and
 * the shipper's webhook say so, and a partner offered or carrying it is told (the partners module observes).
 */
@ApplicationScoped
@Transactional
public class Cancellations {

    @Inject
    ParcelJourney journey;

    @Inject
    ChoiceDesk choices;

    @Inject
    Event<ParcelCancelled> cancelled;

    public Parcel cancel(Parcel parcel) {
        parcel.cancel();
        choices.releaseBookings(parcel);
        journey.staffStep(parcel, TrackingCode.CANCELLED, "Cancelled by the sender.");
        cancelled.fire(new ParcelCancelled(parcel.trackingId(), Instant.now()));
        return parcel;
    }
}
