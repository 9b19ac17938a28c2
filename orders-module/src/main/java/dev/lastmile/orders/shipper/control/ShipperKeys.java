package dev.lastmile.orders.shipper.control;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.CurrentCaller;
import jakarta.inject.Inject;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.model.shipper.ShippersByKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Tells which shipper is calling, and keeps each shipper to its own parcels. */
@ApplicationScoped
public class ShipperKeys {

    public static final String HEADER = ShippersByKey.HEADER;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    /** The calling shipper: the one the authentication mechanism found for this key, else looked up by it. */
    public Shipper authenticate(String apiKey) {
        Caller calling = caller.get();
        if (calling.kind() == CallerKind.SHIPPER) {
            Shipper shipper = em.find(Shipper.class, calling.accountId());
            if (shipper != null) {
                return shipper;
            }
        }
        return ShippersByKey.find(em, apiKey);
    }

    /** Another shipper's parcel is "not found" too: the answer never confirms that it exists. */
    public Parcel parcelOf(Shipper shipper, String trackingId) {
        TrackingId id = TrackingId.parse(trackingId);
        Parcel parcel = ParcelsByTrackingId.find(em, id);
        if (!parcel.isShippedBy(shipper)) {
            throw new NotFound("parcel", id.value());
        }
        return parcel;
    }
}
