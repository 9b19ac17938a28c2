package dev.lastmile.orders.service.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.event.Audited;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.orders.intake.boundary.ParcelView;
import dev.lastmile.orders.tracking.control.Parcels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customer service answering a recipient: the parcel with the recipient's contact data. Only for parcels of
 * the agent's depots, every read in the audit trail; the high-value PIN is the recipient's and is not shown.
 */
@Stateless
@Path("customer-service/parcels/{trackingId}")
@Tag(name = "Customer service", description = "Back office: parcels and recipients, for customer service")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER_SERVICE})
public class CustomerServiceResource {

    @Inject
    Parcels parcels;

    @Inject
    CurrentCaller caller;

    @Inject
    Event<Audited> audit;

    public record ParcelDetails(ParcelView parcel, String recipientEmail, String recipientPhone, String language) {
    }

    @GET
    @Operation(summary = "A parcel with its recipient's contact data", description = "404 for a parcel outside your"
            + " depots; the read is audited (recipient-contact.read).")
    public ParcelDetails details(@PathParam("trackingId") String trackingId) {
        Parcel parcel = parcels.byTrackingId(trackingId);
        if (!parcel.isVisibleTo(caller.get())) {
            throw new NotFound("parcel", parcel.trackingId().value());
        }
        audit.fire(new Audited("recipient-contact.read", "parcel", parcel.trackingId().value(), "parcel details"));
        return new ParcelDetails(ParcelView.of(parcel).withoutPin(), parcel.recipient().email(), parcel.recipient().phone(),
                parcel.language());
    }
}
