package dev.lastmile.orders.intake.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.orders.intake.control.AddressChecks;
import dev.lastmile.orders.tracking.control.Parcels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Back office: parcels whose address could not be placed, and placing them by hand. */
@Stateless
@Path("address-checks")
@Tag(name = "Address checks", description = "Back office: addresses that need attention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
public class AddressCheckResource {

    @Inject
    AddressChecks checks;

    @Inject
    Parcels parcels;

    /** Either the position (clicked on a map), or a corrected postcode the gazetteer knows. */
    public record Placement(Double latitude, Double longitude, String postcode) {
    }

    @GET
    @Operation(summary = "Parcels waiting for their address to be placed (oldest first, at most 1000)")
    public List<ParcelView> waiting() {
        return checks.waiting().stream().map(parcel -> ParcelView.of(parcel).withoutPin()).toList();
    }

    @PUT
    @Path("{trackingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place the address: the parcel gets its depot and can be planned", description = "Body: latitude and longitude, or a corrected postcode (placed by the gazetteer; the parcel's postcode is corrected too).")
    public ParcelView place(@PathParam("trackingId") String trackingId, Placement placement) {
        Violations.body(placement);
        Violations violations = new Violations();
        if (placement.postcode() != null && placement.latitude() == null && placement.longitude() == null) {
            Parcel parcel = parcels.byTrackingId(trackingId);
            Postcode postcode = violations.attempt("postcode",
                    () -> Postcode.of(parcel.address().postcode().country(), placement.postcode()));
            violations.throwIfAny();
            checks.placeAt(parcel, postcode);
            return ParcelView.of(parcel).withoutPin();
        }
        violations.require("latitude", placement.latitude()).require("longitude", placement.longitude());
        violations.throwIfAny();
        GeoPoint point = violations.attempt("latitude", () -> new GeoPoint(placement.latitude(), placement.longitude()));
        violations.throwIfAny();
        Parcel parcel = parcels.byTrackingId(trackingId);
        checks.place(parcel, point);
        return ParcelView.of(parcel).withoutPin();
    }
}
