package dev.lastmile.pod.manifest.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.parcel.DeliveryPreferences;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.pod.device.control.Devices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The driver's day: their own routes only, stop by stop, with what they need at each door. */
@Stateless
@Path("handheld/manifest")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DRIVER)
public class ManifestResource {

    public record Manifest(String driver, String date, List<RouteSheet> routes) {
    }

    public record RouteSheet(long routeId, String vehicle, String departure, boolean closed, List<StopSheet> stops) {
    }

    /**
     * {@code barcode} is the GS1-128 content printed on the label: AI (00) and the SSCC. {@code kind} is
     * DELIVERY, or PICKUP to collect a return (its own tracking id in {@code returnTrackingId}).
     */
    public record StopSheet(int sequence, String kind, String eta, String trackingId, String barcode, String status,
                            String recipient, String address, String postcode, double latitude, double longitude,
                            double weightKg, String instructions, String safePlace, String neighbour, String locker,
                            boolean contactless, boolean pinRequired, String returnTrackingId) {
    }

    @Inject
    Devices devices;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    @GET
    @Operation(summary = "The driver's manifest for a day", description = "Defaults to today. Only the routes of the"
            + " driver whose handheld token is sent.")
    public Manifest manifest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("date") String date) {
        HandheldDevice device = devices.authenticate(authorization);
        Violations violations = new Violations();
        LocalDate day = date == null ? LocalDate.now(ZoneId.of(zone)) : violations.attempt("date", () -> LocalDate.parse(date));
        violations.throwIfAny();
        List<Route> routes = em.createNamedQuery(Route.OF_DRIVER_DAY, Route.class)
                .setParameter("driver", device.driver()).setParameter("day", day).getResultList();
        return new Manifest(device.driver().name(), day.toString(), routes.stream().map(ManifestResource::sheet).toList());
    }

    private static RouteSheet sheet(Route route) {
        return new RouteSheet(route.id(), route.vehicle().registration(), route.departure().toString(),
                route.closedAt().isPresent(), route.stops().stream().map(ManifestResource::stop).toList());
    }

    private static StopSheet stop(Stop stop) {
        Parcel parcel = stop.parcel();
        DeliveryPreferences wishes = parcel.preferences();
        return new StopSheet(stop.sequence(), stop.isPickup() ? "PICKUP" : "DELIVERY", stop.eta().toString(),
                parcel.trackingId().value(), "(00)" + parcel.trackingId().value(), parcel.status().name(),
                parcel.recipient().name(), parcel.address().line() + ", " + parcel.address().town(),
                parcel.address().postcode().value(), parcel.location().latitude(), parcel.location().longitude(),
                parcel.weightKg(), wishes.instructions(), wishes.safePlace(), wishes.neighbour(), wishes.locker(),
                wishes.contactless(), parcel.requiresPin(),
                stop.returnOf().map(r -> r.trackingId().value()).orElse(null));
    }
}
