package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.event.ParcelBackAtDepot;
import dev.lastmile.model.event.ParcelDelivered;
import dev.lastmile.model.event.ParcelDeliveryFailed;
import dev.lastmile.model.event.ParcelHandedOver;
import dev.lastmile.model.event.ParcelOutForDelivery;
import dev.lastmile.model.event.ParcelPlanned;
import dev.lastmile.model.event.PartnerStepReported;
import dev.lastmile.model.event.ReturnOpened;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.tracking.TrackingCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.lastmile.orders.notify.control.Announcements;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Turns what the other modules report into the parcel's status and its public timeline. Observers
 * run in the reporting module's transaction, so a refused step rolls back the report with it.
 */
@ApplicationScoped
public class ParcelJourney {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final String PARTNER_DAY_FROM = "08:00";
    private static final String PARTNER_DAY_TO = "20:00";

    @Inject
    Parcels parcels;

    @Inject
    Timeline timeline;

    @Inject
    Announcements announcements;

    void planned(@Observes ParcelPlanned event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.markPlanned();
        record(parcel, TrackingCode.PLANNED, event.at(), "Planned for delivery on " + event.eta().toLocalDate() + ".",
                Map.of());
    }

    void outForDelivery(@Observes ParcelOutForDelivery event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.markOutForDelivery();
        parcel.expectBetween(event.etaFrom(), event.etaTo());
        String from = CLOCK.format(event.etaFrom());
        String to = CLOCK.format(event.etaTo());
        record(parcel, TrackingCode.OUT_FOR_DELIVERY, event.at(),
                "Out for delivery, expected between " + from + " and " + to + ".", Map.of("etaFrom", from, "etaTo", to));
    }

    void delivered(@Observes ParcelDelivered event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.markDelivered();
        String who = initialsOf(event.receivedBy());
        String description = switch (event.method()) {
            case RECIPIENT -> "Delivered, received by " + who;
            case NEIGHBOUR -> "Delivered to your neighbour, received by " + who;
            case SAFE_PLACE -> "Left in your safe place; the driver took a photo.";
            case LOCKER -> "Delivered into the parcel locker.";
            case CONTACTLESS -> "Delivered without contact; the driver took a photo.";
        };
        record(parcel, TrackingCode.DELIVERED, event.at(), description, Map.of());
    }

    void failed(@Observes ParcelDeliveryFailed event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.recordFailedAttempt(event.nextStep(), event.nextDay());
        String reason = event.reason().name().toLowerCase().replace('_', ' ');
        record(parcel, TrackingCode.ATTEMPT_FAILED, event.at(),
                "Delivery attempt " + event.attemptNumber() + " failed: " + reason + ".",
                Map.of("reason", reason, "nextDay", String.valueOf(event.nextDay())));
        switch (event.nextStep()) {
            case REATTEMPT -> record(parcel, TrackingCode.RESCHEDULED, event.at(),
                    "We will try again on " + event.nextDay() + ".", Map.of());
            case HOLD_AT_DEPOT -> record(parcel, TrackingCode.HELD_AT_DEPOT, event.at(),
                    "Held at the depot for collection until " + event.nextDay() + ".", Map.of());
            case RETURN_TO_SENDER -> record(parcel, TrackingCode.RETURNING_TO_SENDER, event.at(),
                    "Being returned to the sender.", Map.of());
        }
    }

    void backAtDepot(@Observes ParcelBackAtDepot event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.returnToPlanning(event.nextDay());
        record(parcel, TrackingCode.BACK_AT_DEPOT, event.at(),
                "Back at the depot; we will deliver it on " + event.nextDay() + ".", Map.of());
    }

    void handedOver(@Observes ParcelHandedOver event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.markHandedToPartner();
        record(parcel, TrackingCode.HANDED_TO_PARTNER, event.at(), "Handed to our delivery partner "
                + event.partnerCode() + " (their reference " + event.partnerReference() + ").", Map.of());
    }

    /** A partner 3PL's step for a parcel it carries; the parcel's status follows its own events. */
    void partnerStep(@Observes PartnerStepReported event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        Map<String, String> details = Map.of();
        if (event.code() == TrackingCode.OUT_FOR_DELIVERY) {
            // Partners report no arrival time: the recipient's booked slot, or the partner's delivery day.
            details = parcel.slot().map(slot -> Map.of("etaFrom", CLOCK.format(slot.from()), "etaTo", CLOCK.format(slot.to())))
                    .orElse(Map.of("etaFrom", PARTNER_DAY_FROM, "etaTo", PARTNER_DAY_TO));
        }
        record(parcel, event.code(), event.at(), event.description(), details);
    }

    void returnOpened(@Observes ReturnOpened event) {
        Parcel parcel = parcels.byTrackingId(event.parcelTrackingId());
        record(parcel, TrackingCode.RETURN_OPENED, event.at(),
                "Return opened under tracking id " + event.returnTrackingId().value() + ".", Map.of());
    }

    /** A step staff took at the back office: on the timeline and to the shipper like any other step. */
    public void staffStep(Parcel parcel, TrackingCode code, String description) {
        record(parcel, code, Instant.now(), description, Map.of());
    }

    /** One step: a line on the public timeline and the messages it deserves, in the same transaction. */
    private void record(Parcel parcel, TrackingCode code, Instant at, String description, Map<String, String> details) {
        timeline.append(parcel.trackingId(), code, at, description);
        announcements.step(parcel, code, at, description, details);
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
