package dev.lastmile.orders.tracking.boundary;

import jakarta.annotation.security.PermitAll;
import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.orders.tracking.control.Parcels;
import dev.lastmile.orders.tracking.control.Timeline;
import dev.lastmile.orders.tracking.control.TrackingGuards;
import dev.lastmile.orders.tracking.control.VanNearby;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public tracking: the tracking id shows status and town; with the recipient's postcode, the details.
 * Lookups only read, so they run without a transaction (the busiest endpoint of the system).
 */
@Stateless
@Path("tracking")
@Tag(name = "Tracking", description = "Public parcel tracking")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TrackingResource {

    @Inject
    Parcels parcels;

    @Inject
    Timeline timeline;

    @Inject
    TrackingGuards guards;

    @Inject
    VanNearby nearby;

    @GET
    @Path("{trackingId}")
    @Operation(summary = "Follow a parcel", description = "Without postcode: status and town only. With the"
            + " recipient's postcode: delivery day, slot, ETA window (live while the van is out) and timeline; a few stops"
            + " before theirs, the van's position. A wrong postcode answers 404 like"
            + " an unknown id; after 5 wrong postcodes in 15 minutes the id answers 429 for 15 minutes.")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TrackingView track(@PathParam("trackingId") String trackingId, @QueryParam("postcode") String postcode) {
        TrackingId id = TrackingId.parse(trackingId);
        if (postcode == null || postcode.isBlank()) {
            Parcel parcel = parcels.byTrackingId(id);
            return new TrackingView(id.value(), parcel.status().name(), parcel.address().town(), false, null, null,
                    null, null, null, List.of(), null);
        }
        Parcels.Guarded guarded = parcels.withGuard(id);
        if (guarded.guard() != null) {
            guarded.guard().requireNotBlocked(Instant.now());
        }
        Parcel parcel = guarded.parcel();
        if (!parcel.address().postcode().matches(postcode)) {
            guards.wrongPostcode(id.value());
            throw new NotFound("parcel", id.value());
        }
        LocalDateTime[] eta = parcel.etaWindow().orElse(null);
        return new TrackingView(id.value(), parcel.status().name(), parcel.address().town(), true,
                parcel.deliveryDate().toString(), parcel.slot().map(s -> s.from() + "-" + s.to()).orElse(null),
                eta == null ? null : eta[0].toString(), eta == null ? null : eta[1].toString(),
                parcel.collectionPoint().map(CollectionPoint::name).orElse(null),
                timeline.of(parcel).stream()
                        .map(e -> new TrackingView.Step(e.code().name(), e.occurredAt().toString(), e.description()))
                        .toList(), nearby.of(parcel).orElse(null));
    }
}
