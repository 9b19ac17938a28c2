package dev.lastmile.model.parcel;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.RuleViolation;
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
import java.time.Instant;
import java.time.LocalDate;
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
public class Parcel {

    public static final String BY_TRACKING_ID = "Parcel.byTrackingId";
    public static final String DUE_AT_DEPOT = "Parcel.dueAtDepot";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "parcel_serial")
    @TableGenerator(name = "parcel_serial", table = "serial_block", pkColumnName = "series",
            valueColumnName = "next_value", pkColumnValue = "parcel", allocationSize = 50)
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

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    @Column(name = "weight_kg", nullable = false)
    private double weightKg;

    @Column(name = "delivery_date", nullable = false)
    private LocalDate deliveryDate;

    @Column(name = "slot_from")
    private LocalTime slotFrom;

    @Column(name = "slot_to")
    private LocalTime slotTo;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "depot_id")
    private Depot depot;

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
        this.latitude = address.location().latitude();
        this.longitude = address.location().longitude();
        this.weightKg = weightKg;
        this.deliveryDate = deliveryDate;
        this.slotFrom = slot == null ? null : slot.from();
        this.slotTo = slot == null ? null : slot.to();
        this.depot = depot;
        this.shipperReference = shipperReference;
        this.status = ParcelStatus.REGISTERED;
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
        return deliveryPin == null || java.security.MessageDigest.isEqual(deliveryPin.getBytes(), String.valueOf(pin).getBytes());
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

    private void moveTo(ParcelStatus target) {
        if (!status.canBecome(target)) {
            throw new RuleViolation("parcel-status-conflict", "Parcel cannot change status",
                    "Parcel " + trackingId + " is " + status + " and cannot become " + target + ".");
        }
        status = target;
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

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
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
