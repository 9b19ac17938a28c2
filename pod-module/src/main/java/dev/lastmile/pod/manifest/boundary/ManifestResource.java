package dev.lastmile.pod.manifest.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.parcel.DeliveryPreferences;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.proof.AttemptRules;
import dev.lastmile.model.proof.FailedAttemptPolicy;
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

    /**
     * {@code policy} is the failed-attempt policy, so an app can tell the driver what follows an attempt while
     * offline; {@code otherVehicles} names, for each other route of the depot that day, the parcels it carries, so
     * a parcel loaded into the wrong van is refused on the spot with the right van named. {@code tileUrl} is the
     * carrier's map tile server (lastmile.console.tile-url), absent for a plain background.
     */
    public record Manifest(long deviceId, long driverId, String driver, String date, Policy policy,
                           List<RouteSheet> routes, List<OtherVehicle> otherVehicles, String tileUrl) {
    }

    public record Policy(int maxAttempts, int holdDays) {
    }

    public record OtherVehicle(String vehicle, List<String> trackingIds) {
    }

    public record DepotSheet(String code, String name, double latitude, double longitude) {
    }

    /** {@code returnsAt} (planned finish) and {@code breakAt} are absent for routes planned before they were kept. */
    public record RouteSheet(long routeId, String vehicle, String departure, String returnsAt, String breakAt,
                             int revision, boolean closed, DepotSheet depot, List<StopSheet> stops) {
    }

    /**
     * {@code barcode} is the GS1-128 content printed on the label: AI (00) and the SSCC. {@code kind} is
     * DELIVERY, or PICKUP to collect a return (its own tracking id in {@code returnTrackingId}).
     */
    public record StopSheet(int sequence, String kind, String eta, String trackingId, String barcode, String status,
                            String recipient, String address, String postcode, double latitude, double longitude,
                            double weightKg, String instructions, String safePlace, String neighbour, String locker,
                            boolean contactless, boolean pinRequired, String returnTrackingId, int failedAttempts) {
    }

    @Inject
    Devices devices;

    @Inject
    AttemptRules rules;

    @Inject
    @ConfigProperty(name = "lastmile.console.tile-url")
    java.util.Optional<String> tileUrl;

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
        FailedAttemptPolicy policy = rules.policy();
        return new Manifest(device.id(), device.driver().id(), device.driver().name(), day.toString(),
                new Policy(policy.maxAttempts(), policy.holdDays()), routes.stream().map(ManifestResource::sheet).toList(),
                otherVehicles(device, day), tileUrl.filter(u -> !u.isBlank()).orElse(null));
    }

    private List<OtherVehicle> otherVehicles(HandheldDevice device, LocalDate day) {
        if (device.driver().depot() == null) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("SELECT r.vehicle.registration, s.parcel.trackingId FROM Stop s JOIN s.route r"
                + " WHERE r.depot = :depot AND r.day = :day AND (r.driver IS NULL OR r.driver <> :driver) AND r.withdrawnAt IS NULL"
                + " AND s.parcel.trackingId IS NOT NULL ORDER BY r.vehicle.registration, s.sequence", Object[].class)
                .setParameter("depot", device.driver().depot()).setParameter("day", day)
                .setParameter("driver", device.driver()).getResultList();
        java.util.Map<String, List<String>> byVehicle = new java.util.LinkedHashMap<>();
        for (Object[] row : rows) {
            byVehicle.computeIfAbsent((String) row[0], v -> new java.util.ArrayList<>()).add((String) row[1]);
        }
        return byVehicle.entrySet().stream().map(e -> new OtherVehicle(e.getKey(), e.getValue())).toList();
    }

    private static RouteSheet sheet(Route route) {
        var depot = route.depot();
        return new RouteSheet(route.id(), route.vehicle().registration(), route.departure().toString(),
                route.returnsAt().map(Object::toString).orElse(null), route.breakAt().map(Object::toString).orElse(null),
                route.revision(), route.closedAt().isPresent(), new DepotSheet(depot.code(), depot.name(),
                depot.location().latitude(), depot.location().longitude()),
                route.stops().stream().map(ManifestResource::stop).toList());
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
                stop.returnOf().map(r -> r.trackingId().value()).orElse(null), parcel.failedAttempts());
    }
}
