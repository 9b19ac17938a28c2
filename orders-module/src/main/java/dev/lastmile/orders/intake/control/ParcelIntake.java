package dev.lastmile.orders.intake.control;

import dev.lastmile.model.event.ParcelBeyondCoverage;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.PayloadTooLarge;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.intake.boundary.ParcelRequest;
import dev.lastmile.orders.notify.control.Announcements;
import dev.lastmile.orders.tracking.control.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers a shipper's parcels, one or thousands at a time: each row is checked on its own, good
 * rows are kept, and a shipper reference seen before answers with the parcel it created then.
 */
@ApplicationScoped
public class ParcelIntake {

    /** SSCC extension digit for parcels (returns use another, see ParcelReturn). */
    private static final int PARCEL_EXTENSION_DIGIT = 0;
    public static final int MAX_ROWS = 10_000;
    private static final int IN_CLAUSE = 1_000;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    DepotCoverage coverage;

    @Inject
    Event<ParcelBeyondCoverage> beyondCoverage;

    @Inject
    Gazetteer gazetteer;

    @Inject
    Timeline timeline;

    @Inject
    Announcements announcements;

    @Inject
    @ConfigProperty(name = "lastmile.gs1.company-prefix", defaultValue = "5060000")
    String companyPrefix;

    /** Parcels worth this much or more are handed over only against the recipient's one-time PIN. */
    @Inject
    @ConfigProperty(name = "lastmile.pod.pin-threshold", defaultValue = "250")
    BigDecimal pinThreshold;

    private final SecureRandom random = new SecureRandom();

    /** One parcel: refused as a whole with every bad field named. */
    public IntakeOutcome register(Shipper shipper, ParcelRequest request, LocalDate today) {
        IntakeOutcome outcome = registerAll(shipper, List.of(request), today).get(0);
        if (outcome.kind() == IntakeOutcome.Kind.REJECTED) {
            throw new InvalidRequest(outcome.errors());
        }
        return outcome;
    }

    public List<IntakeOutcome> registerAll(Shipper shipper, List<ParcelRequest> requests, LocalDate today) {
        if (requests.size() > MAX_ROWS) {
            throw new PayloadTooLarge("At most " + MAX_ROWS + " parcels per request; this one has " + requests.size() + ".");
        }
        Map<String, Parcel> known = existingByReference(shipper, requests);
        List<Depot> depots = coverage.depots();
        Instant now = Instant.now();
        List<IntakeOutcome> outcomes = new ArrayList<>(requests.size());
        for (int row = 0; row < requests.size(); row++) {
            ParcelRequest request = requests.get(row);
            String reference = request == null ? null : request.shipperReference();
            Parcel earlier = reference == null ? null : known.get(reference);
            if (earlier != null) {
                outcomes.add(IntakeOutcome.existing(row, earlier));
                continue;
            }
            try {
                Parcel parcel = create(shipper, ParcelRegistration.from(request, today), depots, now);
                if (reference != null) {
                    known.put(reference, parcel);
                }
                outcomes.add(IntakeOutcome.created(row, parcel));
            } catch (InvalidRequest invalid) {
                outcomes.add(IntakeOutcome.rejected(row, reference, invalid.errors()));
            } catch (DomainException refused) {
                outcomes.add(IntakeOutcome.rejected(row, reference, List.of(new FieldError("address", refused.detail()))));
            }
        }
        return outcomes;
    }

    private Parcel create(Shipper shipper, ParcelRegistration registration, List<Depot> depots, Instant now) {
        DeliveryAddress address = registration.address();
        GeoPoint location = address.location() != null ? address.location()
                : gazetteer.locate(address.postcode()).orElse(null);
        DepotCoverage.Placement placement = location == null ? null
                : coverage.placementFor(location, address.postcode(), depots);
        Depot depot = placement == null ? null : placement.depot();
        Parcel parcel = new Parcel(registration.recipient(), address.at(location), registration.weightKg(),
                registration.deliveryDate(), registration.slot(), depot, registration.shipperReference(), now);
        parcel.shippedBy(shipper, registration.language(), registration.volumeLitres());
        parcel.prefer(registration.preferences());
        if (registration.declaredValue() != null && registration.declaredValue().compareTo(pinThreshold) >= 0) {
            parcel.requirePin(registration.declaredValue(), String.format("%04d", random.nextInt(10_000)));
        }
        em.persist(parcel);
        TrackingId trackingId = parcel.issueTrackingId(PARCEL_EXTENSION_DIGIT, companyPrefix);
        // The CREATED step is the parcel row itself (see Timeline.of): one row less per parcel in bulk intake.
        if (depot == null) {
            timeline.append(trackingId, TrackingCode.ADDRESS_NEEDS_ATTENTION, now,
                    "We are checking the address before planning the delivery.");
        }
        announcements.registered(parcel, now);
        if (placement != null && placement.beyondCoverage()) {
            beyondCoverage.fire(new ParcelBeyondCoverage(trackingId, now));
        }
        return parcel;
    }

    /** Parcels this shipper registered before under the references of this request, one query per thousand. */
    private Map<String, Parcel> existingByReference(Shipper shipper, List<ParcelRequest> requests) {
        List<String> references = requests.stream().filter(Objects::nonNull).map(ParcelRequest::shipperReference)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Parcel> known = new HashMap<>();
        for (int from = 0; from < references.size(); from += IN_CLAUSE) {
            em.createNamedQuery(Parcel.BY_SHIPPER_REFERENCES, Parcel.class).setParameter("shipper", shipper)
                    .setParameter("references", references.subList(from, Math.min(references.size(), from + IN_CLAUSE)))
                    .getResultList().forEach(p -> known.put(p.shipperReference().orElseThrow(), p));
        }
        return known;
    }
}
