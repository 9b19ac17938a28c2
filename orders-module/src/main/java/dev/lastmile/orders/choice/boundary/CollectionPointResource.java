package dev.lastmile.orders.choice.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.choice.CompartmentSize;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.orders.choice.control.CollectionPoints;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Back office: the carrier's pickup points and parcel lockers. */
@Stateless
@Path("collection-points")
@Tag(name = "Collection points", description = "Pickup points and parcel lockers")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionPointResource {

    @Inject
    CollectionPoints points;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** {@code compartments}: for a LOCKER, how many of each size S, M, L; for a PICKUP_POINT, {"ANY": n}. */
    public record PointRequest(String code, String kind, String name, String line, String town, String postcode,
                               String country, Double latitude, Double longitude, Map<String, Integer> compartments) {
    }

    public record PointView(String code, String kind, String name, String address, double latitude, double longitude,
                            Map<String, Integer> free) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Add a pickup point or a parcel locker with its compartments")
    public Response add(PointRequest request) {
        Violations.body(request);
        Violations violations = new Violations();
        violations.require("code", request.code()).require("kind", request.kind()).require("name", request.name())
                .require("line", request.line()).require("town", request.town())
                .require("latitude", request.latitude()).require("longitude", request.longitude())
                .require("compartments", request.compartments());
        violations.throwIfAny();
        CollectionPoint.Kind kind = violations.attempt("kind", () -> CollectionPoint.Kind.valueOf(request.kind()));
        Postcode postcode = violations.attempt("postcode", () -> Postcode.of(request.country(), request.postcode()));
        GeoPoint location = violations.attempt("latitude", () -> new GeoPoint(request.latitude(), request.longitude()));
        Map<CompartmentSize, Integer> compartments = new EnumMap<>(CompartmentSize.class);
        request.compartments().forEach((size, count) -> violations.attempt("compartments." + size, () -> {
            CompartmentSize parsed = CompartmentSize.valueOf(size);
            if (count == null || count < 1 || (kind == CollectionPoint.Kind.LOCKER) == (parsed == CompartmentSize.ANY)) {
                throw new IllegalArgumentException("lockers have S, M, L compartments, pickup points ANY; count at least 1");
            }
            return compartments.put(parsed, count);
        }));
        violations.throwIfAny();
        if (!em.createNamedQuery(CollectionPoint.BY_CODE, CollectionPoint.class).setParameter("code", request.code())
                .getResultList().isEmpty()) {
            throw new RuleViolation("collection-point-exists", "Collection point exists", request.code() + " exists.");
        }
        CollectionPoint point = points.create(new CollectionPoint(request.code(), kind, request.name(), request.line(),
                request.town(), postcode.value(), postcode.country(), location), compartments);
        return Response.status(201).entity(view(point)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER})
    @Operation(summary = "Pickup points and lockers with their free compartments")
    public List<PointView> all() {
        return em.createNamedQuery(CollectionPoint.ALL, CollectionPoint.class).getResultList().stream().map(this::view).toList();
    }

    private PointView view(CollectionPoint point) {
        Map<String, Integer> free = new TreeMap<>();
        points.pools(point).forEach(p -> free.put(p.size().name(), p.free()));
        return new PointView(point.code(), point.kind().name(), point.name(),
                point.addressLine() + ", " + point.town() + " " + point.postcode(), point.location().latitude(),
                point.location().longitude(), free);
    }
}
