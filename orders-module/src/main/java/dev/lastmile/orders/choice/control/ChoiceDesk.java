package dev.lastmile.orders.choice.control;

import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.choice.CompartmentPool;
import dev.lastmile.model.choice.DeliveryChoice;
import dev.lastmile.model.choice.DeliverySlot;
import dev.lastmile.model.event.ParcelRedirected;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.notify.OptOut;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.DeliveryPreferences;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.intake.control.DepotCoverage;
import dev.lastmile.orders.intake.control.Gazetteer;
import dev.lastmile.orders.notify.control.Announcements;
import dev.lastmile.orders.tracking.control.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Carries out a recipient's delivery choices. Each one is checked against the choice window, kept
 * on the parcel, written to the audit trail with who and when, shown on the timeline and announced.
 */
@ApplicationScoped
public class ChoiceDesk {

    static final String BY_RECIPIENT = "recipient (self-service link)";

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    ChoiceWindow window;

    @Inject
    SlotCalendar calendar;

    @Inject
    DepotCoverage coverage;

    @Inject
    Event<ParcelRedirected> redirected;

    @Inject
    Gazetteer gazetteer;

    @Inject
    Timeline timeline;

    @Inject
    Announcements announcements;

    @Inject
    CollectionPoints points;

    /** Books a slot on the parcel's day, or moves the delivery to another day's slot (a reschedule). */
    public void chooseSlot(Parcel parcel, LocalDate day, TimeSlot slot) {
        Instant now = unrouted(parcel);
        LocalDate target = day == null ? parcel.deliveryDate() : day;
        if (!target.equals(parcel.deliveryDate()) && target.isBefore(window.firstBookableDay(now))) {
            throw new InvalidRequest("date", "the earliest day still open is " + window.firstBookableDay(now));
        }
        requirePlaced(parcel);
        calendar.open(parcel.depot(), target);
        DeliverySlot chosen = calendar.slotsOf(parcel.depot(), target).stream()
                .filter(s -> s.slot().equals(slot)).findFirst()
                .orElseThrow(() -> new InvalidRequest("slot", "is not one of the slots offered on " + target));
        em.lock(chosen, LockModeType.PESSIMISTIC_WRITE);
        chosen.book();
        releaseSlot(parcel);
        parcel.holdWhileAway(target);
        parcel.bookSlot(slot);
        String detail = target + " " + slot.from() + "-" + slot.to();
        record(parcel, DeliveryChoice.Kind.TIME_SLOT, detail, now, "Delivery booked for " + detail + ".");
        announcements.slotConfirmed(parcel, now, target.toString(), slot.from() + "-" + slot.to());
    }

    public void chooseSafePlace(Parcel parcel, String place) {
        Instant now = open(parcel);
        require("place", place, 120);
        DeliveryPreferences was = parcel.preferences();
        parcel.prefer(new DeliveryPreferences(was.instructions(), place.trim(), null, was.locker(), was.contactless()));
        record(parcel, DeliveryChoice.Kind.SAFE_PLACE, place.trim(), now, "You chose a safe place for the parcel.");
    }

    public void chooseNeighbour(Parcel parcel, String name, String house) {
        Instant now = open(parcel);
        require("name", name, 60);
        require("house", house, 58);
        String neighbour = name.trim() + ", " + house.trim();
        DeliveryPreferences was = parcel.preferences();
        parcel.prefer(new DeliveryPreferences(was.instructions(), null, neighbour, was.locker(), was.contactless()));
        record(parcel, DeliveryChoice.Kind.NEIGHBOUR, neighbour, now, "You chose a neighbour to take the parcel.");
    }

    public void chooseContactless(Parcel parcel, boolean contactless) {
        Instant now = open(parcel);
        DeliveryPreferences was = parcel.preferences();
        parcel.prefer(new DeliveryPreferences(was.instructions(), was.safePlace(), was.neighbour(), was.locker(), contactless));
        record(parcel, DeliveryChoice.Kind.CONTACTLESS, String.valueOf(contactless), now,
                contactless ? "You asked for contactless delivery." : "Contactless delivery cancelled.");
    }

    public void leaveInstructions(Parcel parcel, String text) {
        Instant now = open(parcel);
        require("text", text, 240);
        DeliveryPreferences was = parcel.preferences();
        parcel.prefer(new DeliveryPreferences(text.trim(), was.safePlace(), was.neighbour(), was.locker(), was.contactless()));
        record(parcel, DeliveryChoice.Kind.INSTRUCTIONS, text.trim(), now, "You left instructions for the driver.");
    }

    /** A pickup point or a locker: a compartment that fits the parcel is reserved for it. */
    public void chooseCollectionPoint(Parcel parcel, String code) {
        Instant now = unrouted(parcel);
        require("code", code, 16);
        CollectionPoint point = points.byCode(code.trim());
        CompartmentPool pool = points.poolFor(point, parcel.weightKg())
                .orElseThrow(() -> new RuleViolation("collection-point-full", "Collection point full",
                        point.name() + " has no free compartment for a parcel of " + parcel.weightKg() + " kg."));
        em.lock(pool, LockModeType.PESSIMISTIC_WRITE);
        pool.reserve();
        releaseCompartment(parcel);
        parcel.collectAt(point, pool.size());
        record(parcel, DeliveryChoice.Kind.COLLECTION_POINT, point.code() + " " + point.name() + " (" + pool.size() + ")",
                now, "Delivery to " + point.name() + " chosen; collect it there.");
    }

    public void redirect(Parcel parcel, DeliveryAddress newAddress) {
        Instant now = Instant.now();
        window.requireRedirectable(parcel, now);
        GeoPoint location = newAddress.location() != null ? newAddress.location()
                : gazetteer.locate(newAddress.postcode()).orElseThrow(() -> new InvalidRequest("postcode",
                        "we cannot place this postcode; give latitude and longitude"));
        releaseCompartment(parcel);
        boolean withPartner = parcel.isBoundForPartner() || parcel.status() == ParcelStatus.HANDED_TO_PARTNER;
        // A partner's parcel keeps the depot that handed it over; the partner (or allocation) follows the address.
        parcel.redirect(newAddress.at(location), withPartner ? parcel.depot() : coverage.depotFor(location));
        if (withPartner) {
            redirected.fire(new ParcelRedirected(parcel.trackingId(), now));
        }
        record(parcel, DeliveryChoice.Kind.REDIRECT, newAddress.line() + ", " + newAddress.town() + " "
                + newAddress.postcode().value(), now, "Redirected to a new address in " + newAddress.town() + ".");
    }

    /** While away: the parcel waits and is delivered on the day the recipient is back. */
    public void holdUntil(Parcel parcel, LocalDate backOn) {
        Instant now = unrouted(parcel);
        if (backOn == null || !backOn.isAfter(parcel.deliveryDate())) {
            throw new InvalidRequest("until", "must be after the planned delivery day " + parcel.deliveryDate());
        }
        if (backOn.isAfter(parcel.deliveryDate().plusDays(14))) {
            throw new InvalidRequest("until", "we hold parcels for at most 14 days");
        }
        releaseSlot(parcel);
        parcel.holdWhileAway(backOn);
        record(parcel, DeliveryChoice.Kind.HOLD, "until " + backOn, now, "Held while you are away; delivery on " + backOn + ".");
    }

    /** No more emails or SMS to this recipient's address and number; honoured even for queued messages. */
    public void optOut(Parcel parcel) {
        Instant now = Instant.now();
        for (String address : new String[] {parcel.recipient().email(), parcel.recipient().phone()}) {
            if (address != null && em.find(OptOut.class, OptOut.normalise(address)) == null) {
                em.persist(new OptOut(address, now));
            }
        }
        em.persist(new DeliveryChoice(parcel.id(), DeliveryChoice.Kind.OPT_OUT, "email and SMS", BY_RECIPIENT, now));
    }

    public List<DeliveryChoice> history(Parcel parcel) {
        return em.createNamedQuery(DeliveryChoice.OF_PARCEL, DeliveryChoice.class).setParameter("parcelId", parcel.id())
                .getResultList();
    }

    private Instant open(Parcel parcel) {
        Instant now = Instant.now();
        window.requireOpen(parcel, now);
        return now;
    }

    private Instant unrouted(Parcel parcel) {
        Instant now = Instant.now();
        window.requireUnrouted(parcel, now);
        return now;
    }

    /** The slot and the locker compartment a cancelled parcel no longer needs. */
    public void releaseBookings(Parcel parcel) {
        releaseSlot(parcel);
        releaseCompartment(parcel);
    }

    private void releaseSlot(Parcel parcel) {
        parcel.slot().ifPresent(current -> calendar.slotsOf(parcel.depot(), parcel.deliveryDate()).stream()
                .filter(s -> s.slot().equals(current)).findFirst().ifPresent(DeliverySlot::release));
    }

    private void releaseCompartment(Parcel parcel) {
        parcel.collectionPoint().ifPresent(point -> points.pools(point).stream()
                .filter(p -> parcel.compartmentSize().map(p.size()::equals).orElse(false))
                .findFirst().ifPresent(CompartmentPool::release));
    }

    private void requirePlaced(Parcel parcel) {
        if (!parcel.isPlaced()) {
            throw new RuleViolation("address-needs-attention", "Address being checked",
                    "We are still checking the address; slots open once it is placed.");
        }
    }

    private void record(Parcel parcel, DeliveryChoice.Kind kind, String detail, Instant now, String timelineText) {
        em.persist(new DeliveryChoice(parcel.id(), kind, detail, BY_RECIPIENT, now));
        timeline.append(parcel.trackingId(), TrackingCode.DELIVERY_CHOICE_CHANGED, now, timelineText);
        announcements.step(parcel, TrackingCode.DELIVERY_CHOICE_CHANGED, now, timelineText, Map.of());
    }

    private static void require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(field, "is required");
        }
        if (value.trim().length() > maxLength) {
            throw new InvalidRequest(field, "must be at most " + maxLength + " characters");
        }
    }
}
