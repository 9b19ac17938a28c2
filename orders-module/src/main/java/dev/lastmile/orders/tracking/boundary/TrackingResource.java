package dev.lastmile.orders.tracking.boundary;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.orders.tracking.control.Parcels;
import dev.lastmile.orders.tracking.control.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public tracking: anyone with the tracking id and the recipient's postcode can follow the parcel. */
@Stateless
@Path("tracking")
@Tag(name = "Tracking", description = "Public parcel tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {

    @Inject
    Parcels parcels;

    @Inject
    Timeline timeline;

    @GET
    @Path("{trackingId}")
    @Operation(summary = "Follow a parcel", description = "The postcode must be the recipient's; a wrong one answers"
            + " 404 exactly like an unknown tracking id, so neither confirms that the other exists.")
    public TrackingView track(@PathParam("trackingId") String trackingId, @QueryParam("postcode") String postcode) {
        Parcel parcel = parcels.byTrackingId(trackingId);
        if (!parcel.address().postcode().matches(postcode)) {
            throw new NotFound("parcel", parcel.trackingId().value());
        }
        return new TrackingView(parcel.trackingId().value(), parcel.status().name(), parcel.address().town(),
                parcel.deliveryDate().toString(),
                timeline.of(parcel.trackingId()).stream()
                        .map(e -> new TrackingView.Step(e.code().name(), e.occurredAt().toString(), e.description()))
                        .toList());
    }
}
