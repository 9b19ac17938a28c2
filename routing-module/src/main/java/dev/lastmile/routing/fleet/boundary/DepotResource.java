package dev.lastmile.routing.fleet.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.DistanceModel;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.routing.fleet.boundary.FleetViews.AbsenceRequest;
import dev.lastmile.routing.fleet.boundary.FleetViews.Availability;
import dev.lastmile.routing.fleet.boundary.FleetViews.DepotView;
import dev.lastmile.routing.fleet.boundary.FleetViews.DriverView;
import dev.lastmile.routing.fleet.boundary.FleetViews.VehicleView;
import dev.lastmile.routing.fleet.control.Fleet;
import dev.lastmile.routing.planning.control.Distances;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The back office sets up depots, their vehicles and drivers. */
@Stateless
@Path("depots")
@Tag(name = "Fleet", description = "Depots, vehicles and drivers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DepotResource {

    @Inject
    Fleet fleet;

    @Inject
    CurrentCaller caller;

    @Inject
    Distances distances;

    private Depot scoped(String code) {
        caller.get().requireDepot(code);
        return fleet.depot(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open a depot")
    public Response open(DepotRequest request) {
        return Response.status(Response.Status.CREATED).entity(DepotView.of(fleet.open(request))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "List the depots you work for")
    public List<DepotView> depots() {
        return fleet.depots().stream().filter(depot -> caller.get().sees(depot.code())).map(DepotView::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Read a depot")
    public DepotView depot(@PathParam("code") String code) {
        return DepotView.of(scoped(code));
    }

    /** At most this many road segments per map view, and a box of at most this many degrees a side. */
    static final int MOST_ROADS = 20_000;
    static final double LARGEST_BOX_DEGREES = 0.5;

    public record Roads(List<List<double[]>> roads, String attribution) {
    }

    @GET
    @Path("{code}/roads")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "Roads inside a box, for a map without a tile server", description = "Lines of [lat, lon]"
            + " from the OpenStreetMap extract the depot plans on; none for a depot on straight-line distances. At most"
            + " 20,000 segments, a box of at most 0.5 degrees a side.")
    public Roads roads(@PathParam("code") String code, @QueryParam("south") Double south, @QueryParam("west") Double west,
                       @QueryParam("north") Double north, @QueryParam("east") Double east) {
        Violations violations = new Violations().require("south", south).require("west", west).require("north", north)
                .require("east", east);
        violations.throwIfAny();
        violations.check(south < north && north - south <= LARGEST_BOX_DEGREES, "north",
                        "must be above south, at most " + LARGEST_BOX_DEGREES + " degrees")
                .check(west < east && east - west <= LARGEST_BOX_DEGREES, "east",
                        "must be east of west, at most " + LARGEST_BOX_DEGREES + " degrees");
        violations.throwIfAny();
        GeoPoint southWest = violations.attempt("south", () -> new GeoPoint(south, west));
        GeoPoint northEast = violations.attempt("north", () -> new GeoPoint(north, east));
        violations.throwIfAny();
        Depot depot = scoped(code);
        if (depot.distanceModel() != DistanceModel.ROAD_NETWORK) {
            return new Roads(List.of(), "");
        }
        List<List<double[]>> lines = distances.of(depot.distanceModel()).roadsWithin(southWest, northEast, MOST_ROADS)
                .stream().map(line -> line.stream().map(p -> new double[] {p.latitude(), p.longitude()}).toList()).toList();
        return new Roads(lines, "© OpenStreetMap contributors");
    }

    @POST
    @Path("{code}/vehicles")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Base a vehicle at a depot")
    public Response base(@PathParam("code") String code, VehicleRequest request) {
        scoped(code);
        return Response.status(Response.Status.CREATED).entity(VehicleView.of(fleet.base(code, request))).build();
    }

    @GET
    @Path("{code}/vehicles")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "List a depot's vehicles")
    public List<VehicleView> vehicles(@PathParam("code") String code) {
        Depot depot = scoped(code);
        return fleet.vehiclesAt(depot).stream().map(VehicleView::of).toList();
    }

    @POST
    @Path("{code}/drivers")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Employ a driver at a depot")
    public Response employ(@PathParam("code") String code, DriverRequest request) {
        scoped(code);
        return Response.status(Response.Status.CREATED).entity(DriverView.of(fleet.employ(code, request))).build();
    }

    @GET
    @Path("{code}/drivers")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "List a depot's drivers")
    public List<DriverView> drivers(@PathParam("code") String code) {
        return fleet.driversAt(scoped(code)).stream().map(DriverView::of).toList();
    }

    @PUT
    @Path("{code}/availability/{date}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Mark vehicles (by registration) and drivers (by id) unavailable on a day",
            description = "Replaces that day's absences; everyone else is available. The planner uses only the available.")
    public Availability absent(@PathParam("code") String code, @PathParam("date") String date, AbsenceRequest request) {
        Violations.body(request);
        Depot depot = scoped(code);
        LocalDate day = day(date);
        fleet.absent(depot, day, request.vehicles() == null ? List.of() : request.vehicles(),
                request.drivers() == null ? List.of() : request.drivers(), request.reason() == null ? "unavailable" : request.reason());
        return availability(code, date);
    }

    @GET
    @Path("{code}/availability/{date}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.MANAGER, Roles.CUSTOMER_SERVICE})
    @Operation(summary = "The vehicles and drivers available at a depot on a day")
    public Availability availability(@PathParam("code") String code, @PathParam("date") String date) {
        Depot depot = scoped(code);
        LocalDate day = day(date);
        return new Availability(day.toString(), fleet.vehiclesAvailable(depot, day).stream().map(VehicleView::of).toList(),
                fleet.driversAvailable(depot, day).stream().map(DriverView::of).toList(),
                fleet.absences(depot, day).stream().map(a -> a.resource() + " " + a.resourceId() + ": " + a.reason()).toList());
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new dev.lastmile.model.problem.InvalidRequest("date", "must be YYYY-MM-DD");
        }
    }
}
