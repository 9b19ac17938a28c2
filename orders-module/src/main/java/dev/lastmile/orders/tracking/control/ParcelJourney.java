package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.event.ParcelBackAtDepot;
import dev.lastmile.model.event.ParcelDelivered;
import dev.lastmile.model.event.ParcelDeliveryFailed;
import dev.lastmile.model.event.ParcelHandedOver;
import dev.lastmile.model.event.ParcelOutForDelivery;
import dev.lastmile.model.event.ParcelPlanned;
import dev.lastmile.model.event.ReturnOpened;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.tracking.TrackingCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;

/**
 * Turns what the other modules report into the parcel's status and its public timeline. Observers
 * run in the reporting module's transaction, so a refused step rolls back the report with it.
 */
@ApplicationScoped
public class ParcelJourney {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Parcels parcels;

    @Inject
    Timeline timeline;

    void planned(@Observes ParcelPlanned event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.markPlanned();
        timeline.append(event.trackingId(), TrackingCode.PLANNED, event.at(),
                "Planned for delivery on " + event.eta().toLocalDate() + ".");
    }

    void outForDelivery(@Observes ParcelOutForDelivery event) {
        parcels.byTrackingId(event.trackingId()).markOutForDelivery();
        timeline.append(event.trackingId(), TrackingCode.OUT_FOR_DELIVERY, event.at(),
                "Out for delivery, expected between " + CLOCK.format(event.etaFrom()) + " and "
                        + CLOCK.format(event.etaTo()) + ".");
    }

    void delivered(@Observes ParcelDelivered event) {
        parcels.byTrackingId(event.trackingId()).markDelivered();
        String who = initialsOf(event.receivedBy());
        String description = switch (event.method()) {
            case RECIPIENT -> "Delivered, received by " + who;
            case NEIGHBOUR -> "Delivered to your neighbour, received by " + who;
            case SAFE_PLACE -> "Left in your safe place; the driver took a photo.";
            case LOCKER -> "Delivered into the parcel locker.";
            case CONTACTLESS -> "Delivered without contact; the driver took a photo.";
        };
        timeline.append(event.trackingId(), TrackingCode.DELIVERED, event.at(), description);
    }

    void failed(@Observes ParcelDeliveryFailed event) {
        parcels.byTrackingId(event.trackingId()).recordFailedAttempt(event.nextStep(), event.nextDay());
        String reason = event.reason().name().toLowerCase().replace('_', ' ');
        timeline.append(event.trackingId(), TrackingCode.ATTEMPT_FAILED, event.at(),
                "Delivery attempt " + event.attemptNumber() + " failed: " + reason + ".");
        switch (event.nextStep()) {
            case REATTEMPT -> timeline.append(event.trackingId(), TrackingCode.RESCHEDULED, event.at(),
                    "We will try again on " + event.nextDay() + ".");
            case HOLD_AT_DEPOT -> timeline.append(event.trackingId(), TrackingCode.HELD_AT_DEPOT, event.at(),
                    "Held at the depot for collection until " + event.nextDay() + ".");
            case RETURN_TO_SENDER -> timeline.append(event.trackingId(), TrackingCode.RETURNING_TO_SENDER, event.at(),
                    "Being returned to the sender.");
        }
    }

    void backAtDepot(@Observes ParcelBackAtDepot event) {
        parcels.byTrackingId(event.trackingId()).returnToPlanning(event.nextDay());
        timeline.append(event.trackingId(), TrackingCode.BACK_AT_DEPOT, event.at(),
                "Back at the depot; we will deliver it on " + event.nextDay() + ".");
    }

    void handedOver(@Observes ParcelHandedOver event) {
        parcels.byTrackingId(event.trackingId()).markHandedToPartner();
        timeline.append(event.trackingId(), TrackingCode.HANDED_TO_PARTNER, event.at(),
                "Handed to our delivery partner " + event.partnerCode() + " (their reference "
                        + event.partnerReference() + ").");
    }

    void returnOpened(@Observes ReturnOpened event) {
        timeline.append(event.parcelTrackingId(), TrackingCode.RETURN_OPENED, event.at(),
                "Return opened under tracking id " + event.returnTrackingId().value() + ".");
    }

    /** The public timeline names no one: "Ada Lovelace" shows as "A. L.". */
    static String initialsOf(String name) {
        StringBuilder initials = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                initials.append(initials.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return initials.toString();
    }
}
