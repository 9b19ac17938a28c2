package dev.lastmile.orders.desk.control;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.audit.ChangeReason;
import dev.lastmile.model.event.ReturnToSenderOrdered;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.intake.control.DepotCoverage;
import dev.lastmile.orders.intake.control.Gazetteer;
import dev.lastmile.orders.tracking.control.ParcelJourney;
import dev.lastmile.orders.tracking.control.Parcels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What back-office staff do to one parcel: send it out on another day, keep it at the depot, give it
 * back to its shipper, correct its address. Each step goes on the parcel's timeline and to its shipper
 * like the drivers' steps; the comment goes into the audit entry of the request.
 */
@ApplicationScoped
public class ParcelDesk {

    /** The longest a parcel waits on the shelf (held, or for a later delivery day) before it goes out or back. */
    static final int LONGEST_HOLD_DAYS = 14;

    @Inject
    Parcels parcels;

    @Inject
    ParcelJourney journey;

    @Inject
    DepotCoverage coverage;

    @Inject
    Gazetteer gazetteer;

    @Inject
    CurrentCaller caller;

    @Inject
    ChangeReason reason;

    @Inject
    Event<ReturnToSenderOrdered> returns;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    private LocalDate today() {
        return LocalDate.now(ZoneId.of(zone));
    }

    /** A parcel of another depot is as unknown as one that never was. */
    public Parcel visible(String trackingId) {
        Parcel parcel = parcels.byTrackingId(trackingId);
        if (!parcel.isVisibleTo(caller.get())) {
            throw new NotFound("parcel", parcel.trackingId().value());
        }
        return parcel;
    }

    public void reattempt(Parcel parcel, LocalDate day, String comment) {
        requireComment(comment);
        LocalDate today = today();
        if (day == null || day.isBefore(today)) {
            throw new InvalidRequest("date", "must be today or later");
        }
        if (day.isAfter(today.plusDays(LONGEST_HOLD_DAYS))) {
            throw new InvalidRequest("date", "at most " + LONGEST_HOLD_DAYS + " days ahead");
        }
        parcel.reattemptOn(day);
        reason.give(comment);
        journey.staffStep(parcel, TrackingCode.RESCHEDULED, "We will deliver it on " + day + ".");
    }

    public void hold(Parcel parcel, LocalDate until, String comment) {
        requireComment(comment);
        LocalDate today = today();
        if (until == null || until.isBefore(today)) {
            throw new InvalidRequest("until", "must be today or later");
        }
        if (until.isAfter(today.plusDays(LONGEST_HOLD_DAYS))) {
            throw new InvalidRequest("until", "we hold parcels for at most " + LONGEST_HOLD_DAYS + " days");
        }
        parcel.holdAtDepotUntil(until);
        reason.give(comment);
        journey.staffStep(parcel, TrackingCode.HELD_AT_DEPOT, "Held at the depot for collection until " + until + ".");
    }

    public void returnToSender(Parcel parcel, String comment) {
        requireComment(comment);
        parcel.returnToSender();
        reason.give(comment);
        Instant now = Instant.now();
        journey.staffStep(parcel, TrackingCode.RETURNING_TO_SENDER, "Being returned to the sender.");
        returns.fire(new ReturnToSenderOrdered(parcel.trackingId(), comment.strip(), now));
    }

    /** Without a position the gazetteer places the postcode; a parcel still unplaced is placed by this. */
    public void correctAddress(Parcel parcel, DeliveryAddress corrected, String comment) {
        requireComment(comment);
        boolean wasUnplaced = parcel.status() == ParcelStatus.AWAITING_ADDRESS;
        GeoPoint location = corrected.location() != null ? corrected.location()
                : gazetteer.locate(corrected.postcode()).orElseThrow(() -> new InvalidRequest("postcode",
                        "we cannot place this postcode; give latitude and longitude (click on the map)"));
        parcel.correctAddress(corrected.at(location), coverage.depotFor(location));
        reason.give(comment);
        journey.staffStep(parcel, TrackingCode.ADDRESS_PLACED, wasUnplaced
                ? "Address checked; the parcel can be planned." : "The delivery address was corrected.");
    }

    private static void requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequest("comment", "say why (it goes into the audit trail)");
        }
        if (comment.length() > 400) {
            throw new InvalidRequest("comment", "at most 400 characters");
        }
    }
}
