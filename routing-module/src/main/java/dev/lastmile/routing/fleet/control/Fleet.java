package dev.lastmile.routing.fleet.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;
import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.routing.fleet.boundary.DepotRequest;
import dev.lastmile.routing.fleet.boundary.DriverRequest;
import dev.lastmile.routing.fleet.boundary.VehicleRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;

/** Depots and what is based at them. */
@ApplicationScoped
public class Fleet {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public Depot open(DepotRequest request) {
        Violations.body(request);
        Violations violations = new Violations()
                .require("code", request.code()).require("name", request.name())
                .require("latitude", request.latitude()).require("longitude", request.longitude());
        if (request.code() != null) {
            violations.check(request.code().matches("[A-Z0-9]{2,16}"), "code", "must be 2 to 16 capital letters or digits");
        }
        GeoPoint location = request.latitude() == null || request.longitude() == null ? null
                : violations.attempt("location", () -> new GeoPoint(request.latitude(), request.longitude()));
        violations.throwIfAny();
        if (findDepot(request.code()) != null) {
            throw new RuleViolation("depot-exists", "Depot exists", "Depot " + request.code() + " already exists.");
        }
        Depot depot = new Depot(request.code(), request.name().trim(), location);
        em.persist(depot);
        em.flush();
        return depot;
    }

    public Vehicle base(String depotCode, VehicleRequest request) {
        Violations.body(request);
        Depot depot = depot(depotCode);
        Violations violations = new Violations()
                .require("registration", request.registration()).require("type", request.type())
                .require("capacityKg", request.capacityKg()).require("capacityParcels", request.capacityParcels());
        VehicleType type = request.type() == null ? null : violations.attempt("type", () -> vehicleType(request.type()));
        violations.check(request.capacityKg() == null || request.capacityKg() > 0, "capacityKg", "must be positive");
        violations.check(request.capacityParcels() == null || request.capacityParcels() > 0, "capacityParcels",
                "must be positive");
        violations.throwIfAny();
        Vehicle vehicle = new Vehicle(depot, request.registration().trim(), type, request.capacityKg(),
                request.capacityParcels());
        em.persist(vehicle);
        em.flush();
        return vehicle;
    }

    public Driver employ(String depotCode, DriverRequest request) {
        Violations.body(request);
        Depot depot = depot(depotCode);
        new Violations().require("name", request.name()).throwIfAny();
        Driver driver = new Driver(depot, request.name().trim());
        em.persist(driver);
        em.flush();
        return driver;
    }

    public Depot depot(String code) {
        Depot depot = findDepot(code);
        if (depot == null) {
            throw new NotFound("depot", code);
        }
        return depot;
    }

    public List<Depot> depots() {
        return em.createNamedQuery(Depot.ALL, Depot.class).getResultList();
    }

    public List<Vehicle> vehiclesAt(Depot depot) {
        return em.createNamedQuery(Vehicle.AT_DEPOT, Vehicle.class).setParameter("depot", depot).getResultList();
    }

    public List<Driver> driversAt(Depot depot) {
        return em.createNamedQuery(Driver.AT_DEPOT, Driver.class).setParameter("depot", depot).getResultList();
    }

    private Depot findDepot(String code) {
        return em.createNamedQuery(Depot.BY_CODE, Depot.class).setParameter("code", code)
                .getResultList().stream().findFirst().orElse(null);
    }

    private static VehicleType vehicleType(String name) {
        try {
            return VehicleType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(VehicleType.values()));
        }
    }
}
