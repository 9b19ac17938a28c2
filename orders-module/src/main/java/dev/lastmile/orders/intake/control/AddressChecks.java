package dev.lastmile.orders.intake.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Parcel;
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

    public List<Parcel> waiting() {
        return em.createNamedQuery(Parcel.AWAITING_ADDRESS, Parcel.class).setMaxResults(1000).getResultList();
    }

    public void place(Parcel parcel, GeoPoint location) {
        parcel.place(location, coverage.depotFor(location));
        timeline.append(parcel.trackingId(), TrackingCode.ADDRESS_PLACED, Instant.now(),
                "Address checked; the parcel can be planned.");
    }
}
