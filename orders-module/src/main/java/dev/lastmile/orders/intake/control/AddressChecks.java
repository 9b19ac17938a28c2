package dev.lastmile.orders.intake.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.tracking.control.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The "address needs attention" list: parcels nobody could place, until staff place them. */
@ApplicationScoped
public class AddressChecks {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    DepotCoverage coverage;

    @Inject
    Timeline timeline;

    @Inject
    Gazetteer gazetteer;

    public List<Parcel> waiting() {
        return em.createNamedQuery(Parcel.AWAITING_ADDRESS, Parcel.class).setMaxResults(1000).getResultList();
    }

    /** Staff corrected the postcode: the gazetteer places it, and the parcel's address takes the new postcode. */
    public void placeAt(Parcel parcel, Postcode corrected) {
        if (parcel.status() != ParcelStatus.AWAITING_ADDRESS) {
            throw new RuleViolation("address-already-placed", "Address already placed",
                    "Parcel " + parcel.trackingId() + " is " + parcel.status() + "; its address is already placed.");
        }
        GeoPoint location = gazetteer.locate(corrected).orElseThrow(() -> new InvalidRequest("postcode",
                "we cannot place this postcode either; place the address on the map"));
        DeliveryAddress address = parcel.address();
        parcel.correctAddress(new DeliveryAddress(address.line(), address.town(), corrected, location),
                coverage.depotFor(location));
        timeline.append(parcel.trackingId(), TrackingCode.ADDRESS_PLACED, Instant.now(),
                "Address checked; the parcel can be planned.");
    }

    public void place(Parcel parcel, GeoPoint location) {
        parcel.place(location, coverage.depotFor(location));
        timeline.append(parcel.trackingId(), TrackingCode.ADDRESS_PLACED, Instant.now(),
                "Address checked; the parcel can be planned.");
    }
}
