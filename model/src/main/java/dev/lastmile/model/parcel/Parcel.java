package dev.lastmile.model.parcel;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.choice.CompartmentSize;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.shipper.Shipper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A parcel handed over by a shipper for delivery to a recipient. Its status only moves along the
 * steps {@link ParcelStatus} allows; the orders module moves it in answer to the other modules' events.
 */
@Entity
@Table(name = "parcel")
@NamedQuery(name = Parcel.BY_TRACKING_ID, query = "SELECT p FROM Parcel p WHERE p.trackingId = :trackingId")
@NamedQuery(name = Parcel.DUE_AT_DEPOT, query = "SELECT p FROM Parcel p WHERE p.depot = :depot"
        + " AND p.deliveryDate = :date AND p.status = dev.lastmile.model.parcel.ParcelStatus.REGISTERED ORDER BY p.id")
@NamedQuery(name = Parcel.BY_SHIPPER_REFERENCES, query = "SELECT p FROM Parcel p WHERE p.shipper = :shipper"
        + " AND p.shipperReference IN :references")
@NamedQuery(name = Parcel.AWAITING_ADDRESS, query = "SELECT p FROM Parcel p WHERE p.status"
        + " = dev.lastmile.model.parcel.ParcelStatus.AWAITING_ADDRESS ORDER BY p.registeredAt, p.id")
public class Parcel {

    public static final String BY_SHIPPER_REFERENCES = "Parcel.byShipperReferences";
    public static final String AWAITING_ADDRESS = "Parcel.awaitingAddress";

    public static final String BY_TRACKING_ID = "Parcel.byTrackingId";
    public static final String DUE_AT_DEPOT = "Parcel.dueAtDepot";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "parcel_serial")
    @TableGenerator(name = "parcel_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "parcel", allocationSize = 500)
    private Long id;

    @Column(name = "tracking_id", nullable = false, unique = true, length = 18)
    private String trackingId;

    @Column(name = "shipper_reference", length = 64)
    private String shipperReference;

    @Column(name = "recipient_name", nullable = false, length = 120)
    private String recipientName;

    @Column(name = "recipient_email", length = 254)
    private String recipientEmail;

    @Column(name = "recipient_phone", length = 32)
    private String recipientPhone;

    @Column(name = "address_line", nullable = false, length = 200)
    private String addressLine;

    @Column(nullable = false, length = 80)
    private String town;

    @Column(nullable = false, length = 12)
    private String postcode;

    @Column(nullable = false, length = 2)
    private String country;

    /** Null while the address waits for staff to place it (see {@link ParcelStatus#AWAITING_ADDRESS}). */
    private Double latitude;

    private Double longitude;

    @Column(name = "weight_kg", nullable = false)
    private double weightKg;

    @Column(name = "delivery_date", nullable = false)
    private LocalDate deliveryDate;

    @Column(name = "slot_from")
    private LocalTime slotFrom;

    @Column(name = "slot_to")
    private LocalTime slotTo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "depot_id")
    private Depot depot;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shipper_id")
    private Shipper shipper;

    /** The recipient's language for notifications (ISO 639-1). */
    @Column(nullable = false, length = 8)
    private String language = "en";

    @Column(name = "volume_litres")
    private Double volumeLitres;

    @Column(name = "eta_from")
    private LocalDateTime etaFrom;

    @Column(name = "eta_to")
    private LocalDateTime etaTo;

    /** Live messages ("you're next", "running late") sent on {@link #liveMessagesDay}: capped per day. */
    @Column(name = "live_messages", nullable = false)
    private int liveMessages;

    @Column(name = "live_messages_day")
    private LocalDate liveMessagesDay;

    @Column(name = "label_printed_at")
    private Instant labelPrintedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "collection_point_id")
    private CollectionPoint collectionPoint;

    @Enumerated(EnumType.STRING)
    @Column(name = "compartment_size", length = 8)
    private CompartmentSize compartmentSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private ParcelStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "declared_value")
    private BigDecimal declaredValue;

    /** One-time PIN the recipient gives the driver for a high-value parcel. */
    @Column(name = "delivery_pin", length = 6)
    private String deliveryPin;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "hold_until")
    private LocalDate holdUntil;

    @Column(length = 240)
    private String instructions;

    @Column(name = "safe_place", length = 120)
    private String safePlace;

    @Column(length = 120)
    private String neighbour;

    @Column(length = 32)
    private String locker;

    @Column(nullable = false)
    private boolean contactless;

    @Version
    private long version;

    protected Parcel() {
    }

    public Parcel(Recipient recipient, DeliveryAddress address, double weightKg, LocalDate deliveryDate,
                  TimeSlot slot, Depot depot, String shipperReference, Instant registeredAt) {
        if (weightKg <= 0) {
            throw new IllegalArgumentException("weight must be positive");
        }
        this.recipientName = recipient.name();
        this.recipientEmail = recipient.email();
        this.recipientPhone = recipient.phone();
        this.addressLine = address.line();
        this.town = address.town();
        this.postcode = address.postcode().value();
        this.country = address.postcode().country();
        if (address.location() != null) {
            this.latitude = address.location().latitude();
            this.longitude = address.location().longitude();
        }
        this.weightKg = weightKg;
        this.deliveryDate = deliveryDate;
        this.slotFrom = slot == null ? null : slot.from();
        this.slotTo = slot == null ? null : slot.to();
        this.depot = depot;
        this.shipperReference = shipperReference;
        this.status = depot == null || address.location() == null ? ParcelStatus.AWAITING_ADDRESS : ParcelStatus.REGISTERED;
        this.registeredAt = registeredAt;
    }

    /**
     * Derives the tracking id from the serial the persistence layer allocated on persist, so ids are
     * dense and unique without a round trip per parcel.
     */
    public TrackingId issueTrackingId(int extensionDigit, String companyPrefix) {
        if (id == null) {
            throw new IllegalStateException("a parcel gets its tracking id once persisted");
        }
        if (trackingId != null) {
            throw new IllegalStateException("tracking id already issued");
        }
        TrackingId issued = TrackingId.sscc(extensionDigit, companyPrefix, id);
        trackingId = issued.value();
        return issued;
    }

    /** How the recipient wants it delivered; the driver's manifest shows it at the stop. */
    public void prefer(DeliveryPreferences preferences) {
        this.instructions = preferences.instructions();
        this.safePlace = preferences.safePlace();
        this.neighbour = preferences.neighbour();
        this.locker = preferences.locker();
        this.contactless = preferences.contactless();
    }

    public DeliveryPreferences preferences() {
        return new DeliveryPreferences(instructions, safePlace, neighbour, locker, contactless);
    }

    /** Marks the parcel high-value: from now on it is only handed over against this PIN. */
    public void requirePin(BigDecimal value, String pin) {
        if (pin == null || !pin.matches("\\d{4,6}")) {
            throw new IllegalArgumentException("a delivery PIN has 4 to 6 digits");
        }
        this.declaredValue = value;
        this.deliveryPin = pin;
    }

    public boolean requiresPin() {
        return deliveryPin != null;
    }

    public boolean pinMatches(String pin) {
        return deliveryPin == null || MessageDigest.isEqual(deliveryPin.getBytes(), String.valueOf(pin).getBytes());
    }

    public Optional<String> deliveryPin() {
        return Optional.ofNullable(deliveryPin);
    }

    public Optional<BigDecimal> declaredValue() {
        return Optional.ofNullable(declaredValue);
    }

    /**
     * Counts a failed attempt and moves the parcel to what the policy decided: planning again on
     * {@code nextDay}, held until {@code nextDay}, or on its way back to the shipper.
     */
    public void recordFailedAttempt(NextStep step, LocalDate nextDay) {
        if (status == ParcelStatus.HANDED_TO_PARTNER && step != NextStep.RETURN_TO_SENDER) {
            // The partner tries again or holds it at its own depot: it stays the partner's.
            failedAttempts++;
            if (step == NextStep.REATTEMPT) {
                deliveryDate = nextDay;
            }
            holdUntil = step == NextStep.HOLD_AT_DEPOT ? nextDay : null;
            return;
        }
        ParcelStatus target = switch (step) {
            case REATTEMPT -> ParcelStatus.REGISTERED;
            case HOLD_AT_DEPOT -> ParcelStatus.HELD_AT_DEPOT;
            case RETURN_TO_SENDER -> ParcelStatus.RETURNING_TO_SENDER;
        };
        moveTo(target);
        failedAttempts++;
        if (step == NextStep.REATTEMPT) {
            deliveryDate = nextDay;
        }
        holdUntil = step == NextStep.HOLD_AT_DEPOT ? nextDay : null;
    }

    /** Scanned back at the depot undelivered, without an attempt (the route ran out of time): plan it again. */
    public void returnToPlanning(LocalDate nextDay) {
        moveTo(ParcelStatus.REGISTERED);
        deliveryDate = nextDay;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Optional<LocalDate> holdUntil() {
        return Optional.ofNullable(holdUntil);
    }

    public void markPlanned() {
        moveTo(ParcelStatus.PLANNED);
    }

    public void markOutForDelivery() {
        moveTo(ParcelStatus.OUT_FOR_DELIVERY);
    }

    public void markDelivered() {
        moveTo(ParcelStatus.DELIVERED);
    }

    public void markHandedToPartner() {
        moveTo(ParcelStatus.HANDED_TO_PARTNER);
    }

    /** Allocation offered it to a partner 3PL ({@code true}) or found none that fits ({@code false}). */
    public void awaitPartner(boolean offered) {
        if (!offered && status == ParcelStatus.AWAITING_PARTNER) {
            return; // allocated again, and still no partner fits
        }
        moveTo(offered ? ParcelStatus.OFFERED_TO_PARTNER : ParcelStatus.AWAITING_PARTNER);
        holdUntil = null;
    }

    /** Recalled from a partner, or returned by it: the carrier's own again, to be planned on {@code day}. */
    public void backFromPartner(LocalDate day) {
        moveTo(ParcelStatus.REGISTERED);
        deliveryDate = day;
    }

    /**
     * The shipper calls the parcel off: possible until it is on a published route (then it belongs to the route and
     * the depot must take it off first); a partner that carries it brings it back.
     */
    public void cancel() {
        if (!status.canBecome(ParcelStatus.CANCELLED)) {
            throw new RuleViolation("parcel-not-cancellable", "Parcel cannot be cancelled", "Parcel " + trackingId
                    + " is " + status + "; a parcel can be cancelled until it is on a published route.");
        }
        status = ParcelStatus.CANCELLED;
        holdUntil = null;
    }

    /** Offered to a partner, or waiting for one. */
    public boolean isBoundForPartner() {
        return status == ParcelStatus.AWAITING_PARTNER || status == ParcelStatus.OFFERED_TO_PARTNER;
    }

    private void moveTo(ParcelStatus target) {
        if (!status.canBecome(target)) {
            throw new RuleViolation("parcel-status-conflict", "Parcel cannot change status",
                    "Parcel " + trackingId + " is " + status + " and cannot become " + target + ".");
        }
        status = target;
    }

    /**
     * Staff send a parcel out again on another day: one held at the depot goes back into planning, one
     * not yet planned moves to the new day. Planned or out for delivery, it belongs to its route first.
     */
    public void reattemptOn(LocalDate day) {
        if (status == ParcelStatus.HELD_AT_DEPOT) {
            moveTo(ParcelStatus.REGISTERED);
        } else if (status != ParcelStatus.REGISTERED) {
            throw new RuleViolation("parcel-status-conflict", "Parcel cannot be re-attempted",
                    "Parcel " + trackingId + " is " + status + "; only a parcel at the depot (registered or held) can be"
                            + " sent out on another day.");
        }
        deliveryDate = day;
        holdUntil = null;
    }

    /**
     * Staff keep a parcel at the depot (the recipient will collect it, or a question must be settled first).
     * A parcel on a published route is the driver's: it comes back to the depot first.
     */
    public void holdAtDepotUntil(LocalDate day) {
        requireAtDepot("held there");
        status = ParcelStatus.HELD_AT_DEPOT;
        holdUntil = day;
    }

    /**
     * Staff give a parcel back to its shipper (refused, damaged, or the shipper asked). A parcel whose
     * address is still unplaced has no depot to send it from: its address is placed first.
     */
    public void returnToSender() {
        requireAtDepot("returned to its sender");
        status = ParcelStatus.RETURNING_TO_SENDER;
        holdUntil = null;
    }

    /** Registered (not yet on a route) or held: the parcel is on the depot's shelves. */
    public boolean isAtDepot() {
        return status == ParcelStatus.REGISTERED || status == ParcelStatus.HELD_AT_DEPOT;
    }

    private void requireAtDepot(String what) {
        if (!isAtDepot()) {
            throw new RuleViolation("parcel-status-conflict", "Parcel is not at the depot",
                    "Parcel " + trackingId + " is " + status + "; only a parcel at the depot (registered or held) can be "
                            + what + ".");
        }
    }

    /**
     * Staff correct the address (a wrong postcode, a typo in the street). While the address is still
     * unplaced this also places it; a parcel on a route or delivered keeps the address it is carried to.
     */
    public void correctAddress(DeliveryAddress corrected, Depot nearestDepot) {
        if (status != ParcelStatus.AWAITING_ADDRESS && status != ParcelStatus.REGISTERED
                && status != ParcelStatus.HELD_AT_DEPOT) {
            throw new RuleViolation("parcel-status-conflict", "Address cannot be corrected now",
                    "Parcel " + trackingId + " is " + status + "; its address can be corrected while it is at the depot"
                            + " and not on a route.");
        }
        redirect(corrected, nearestDepot);
        if (status == ParcelStatus.AWAITING_ADDRESS) {
            status = ParcelStatus.REGISTERED;
        }
    }

    /** Staff placed an address the gazetteer did not know: from now on the parcel can be planned. */
    public void place(GeoPoint location, Depot nearestDepot) {
        if (status != ParcelStatus.AWAITING_ADDRESS) {
            throw new RuleViolation("address-already-placed", "Address already placed",
                    "Parcel " + trackingId + " is " + status + "; its address is already placed.");
        }
        this.latitude = location.latitude();
        this.longitude = location.longitude();
        this.depot = nearestDepot;
        status = ParcelStatus.REGISTERED;
    }

    /** The recipient sends the parcel elsewhere: a new address, and perhaps another depot. */
    public void redirect(DeliveryAddress newAddress, Depot nearestDepot) {
        this.addressLine = newAddress.line();
        this.town = newAddress.town();
        this.postcode = newAddress.postcode().value();
        this.country = newAddress.postcode().country();
        this.latitude = newAddress.location().latitude();
        this.longitude = newAddress.location().longitude();
        this.depot = nearestDepot;
        leaveCollectionPoint();
    }

    public void bookSlot(TimeSlot slot) {
        this.slotFrom = slot == null ? null : slot.from();
        this.slotTo = slot == null ? null : slot.to();
    }

    /** Delivery to a pickup point or into a locker: the route drives to the point, not the home. */
    public void collectAt(CollectionPoint point, CompartmentSize size) {
        this.collectionPoint = point;
        this.compartmentSize = size;
        this.locker = point.code();
        this.latitude = point.location().latitude();
        this.longitude = point.location().longitude();
    }

    private void leaveCollectionPoint() {
        this.collectionPoint = null;
        this.compartmentSize = null;
        this.locker = null;
    }

    /** While the recipient is away the parcel waits; it is delivered on the day after. */
    public void holdWhileAway(LocalDate backOn) {
        this.deliveryDate = backOn;
        bookSlot(null);
    }

    public void expectBetween(LocalDateTime from, LocalDateTime to) {
        this.etaFrom = from;
        this.etaTo = to;
    }

    /** Counts a live message of the day if the day's cap leaves room for it; false when the cap is reached. */
    public boolean allowLiveMessage(LocalDate day, int cap) {
        if (!day.equals(liveMessagesDay)) {
            liveMessagesDay = day;
            liveMessages = 0;
        }
        if (liveMessages >= cap) {
            return false;
        }
        liveMessages++;
        return true;
    }

    public Optional<LocalDateTime[]> etaWindow() {
        return etaFrom == null ? Optional.empty() : Optional.of(new LocalDateTime[] {etaFrom, etaTo});
    }

    /** True the first time only: the timeline records the first printing. */
    public boolean labelPrinted(Instant at) {
        if (labelPrintedAt != null) {
            return false;
        }
        labelPrintedAt = at;
        return true;
    }

    public void shippedBy(Shipper shipper, String language, Double volumeLitres) {
        this.shipper = shipper;
        this.language = language == null ? "en" : language;
        this.volumeLitres = volumeLitres;
    }

    public Optional<Shipper> shipper() {
        return Optional.ofNullable(shipper);
    }

    public boolean isShippedBy(Shipper candidate) {
        return shipper != null && candidate != null && shipper.id().equals(candidate.id());
    }

    /**
     * Whose business this parcel is: its shipper's, and staff's of its depot (a parcel not yet placed at a
     * depot: staff of every depot). Partners and handhelds see parcels by their own rules.
     */
    public boolean isVisibleTo(Caller caller) {
        return switch (caller.kind()) {
            case SHIPPER -> shipper != null && shipper.id() == caller.accountId();
            case STAFF -> depot == null ? caller.allDepots() || !caller.depots().isEmpty() : caller.sees(depot.code());
            default -> false;
        };
    }

    public String language() {
        return language;
    }

    public Optional<Double> volumeLitres() {
        return Optional.ofNullable(volumeLitres);
    }

    public Optional<CollectionPoint> collectionPoint() {
        return Optional.ofNullable(collectionPoint);
    }

    public Optional<CompartmentSize> compartmentSize() {
        return Optional.ofNullable(compartmentSize);
    }

    public boolean isPlaced() {
        return latitude != null && depot != null;
    }

    public Long id() {
        return id;
    }

    public TrackingId trackingId() {
        return new TrackingId(trackingId);
    }

    public Optional<String> shipperReference() {
        return Optional.ofNullable(shipperReference);
    }

    public Recipient recipient() {
        return new Recipient(recipientName, recipientEmail, recipientPhone);
    }

    public DeliveryAddress address() {
        return new DeliveryAddress(addressLine, town, new Postcode(country, postcode), location());
    }

    /** Null while the address awaits placing. */
    public GeoPoint location() {
        return latitude == null ? null : new GeoPoint(latitude, longitude);
    }

    public double weightKg() {
        return weightKg;
    }

    public LocalDate deliveryDate() {
        return deliveryDate;
    }

    public Optional<TimeSlot> slot() {
        return slotFrom == null ? Optional.empty() : Optional.of(new TimeSlot(slotFrom, slotTo));
    }

    public Depot depot() {
        return depot;
    }

    public ParcelStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
