package dev.lastmile.routing.fleet.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.DistanceModel;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.FleetAbsence;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        LocalTime opens = time(violations, "opens", request.opens(), LocalTime.of(7, 0));
        LocalTime closes = time(violations, "closes", request.closes(), LocalTime.of(21, 0));
        violations.check(opens == null || closes == null || opens.isBefore(closes), "closes", "must be after opens");
        DistanceModel model = request.distanceModel() == null ? DistanceModel.STRAIGHT_LINE
                : violations.attempt("distanceModel", () -> DistanceModel.valueOf(request.distanceModel()));
        violations.throwIfAny();
        if (findDepot(request.code()) != null) {
            throw new RuleViolation("depot-exists", "Depot exists", "Depot " + request.code() + " already exists.");
        }
        Depot depot = new Depot(request.code(), request.name().trim(), location);
        depot.operate(opens, closes, model);
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
        violations.check(request.capacityLitres() == null || request.capacityLitres() > 0, "capacityLitres", "must be positive");
        violations.check(request.rangeKm() == null || request.rangeKm() > 0, "rangeKm", "must be positive");
        violations.check(request.rangeKm() == null || type != VehicleType.VAN, "rangeKm", "only electric vehicles and bikes have a range");
        for (var money : Map.of("fixedCost", nonNull(request.fixedCost()), "costPerKm", nonNull(request.costPerKm()),
                "costPerHour", nonNull(request.costPerHour())).entrySet()) {
            violations.check(money.getValue().signum() >= 0, money.getKey(), "must not be negative");
        }
        violations.check(request.co2GramsPerKm() == null || request.co2GramsPerKm() >= 0, "co2GramsPerKm", "must not be negative");
        violations.throwIfAny();
        Vehicle vehicle = new Vehicle(depot, request.registration().trim(), type, request.capacityKg(),
                request.capacityParcels());
        vehicle.specify(request.capacityLitres(), request.rangeKm(), nonNull(request.fixedCost()),
                request.costPerKm() == null ? new BigDecimal("0.25") : request.costPerKm(), nonNull(request.costPerHour()),
                request.co2GramsPerKm() == null ? defaultCo2(type) : request.co2GramsPerKm());
        em.persist(vehicle);
        em.flush();
        return vehicle;
    }

    public Driver employ(String depotCode, DriverRequest request) {
        Violations.body(request);
        Depot depot = depot(depotCode);
        Violations violations = new Violations().require("name", request.name());
        LocalTime start = time(violations, "shiftStart", request.shiftStart(), LocalTime.of(8, 0));
        LocalTime end = time(violations, "shiftEnd", request.shiftEnd(), LocalTime.of(18, 0));
        LocalTime earliest = time(violations, "breakEarliest", request.breakEarliest(), LocalTime.of(11, 30));
        LocalTime latest = time(violations, "breakLatest", request.breakLatest(), LocalTime.of(14, 0));
        int breakMinutes = request.breakMinutes() == null ? 30 : request.breakMinutes();
        violations.check(start == null || end == null || start.isBefore(end), "shiftEnd", "must be after shiftStart");
        violations.check(breakMinutes >= 0 && breakMinutes <= 120, "breakMinutes", "must be 0 to 120");
        violations.check(earliest == null || latest == null || !latest.isBefore(earliest), "breakLatest",
                "must not be before breakEarliest");
        violations.check(nonNull(request.costPerHour()).signum() >= 0, "costPerHour", "must not be negative");
        violations.throwIfAny();
        Driver driver = new Driver(depot, request.name().trim());
        driver.workShift(start, end, breakMinutes, earliest, latest,
                request.costPerHour() == null ? new BigDecimal("15") : request.costPerHour());
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

    /** Marks vehicles and drivers unavailable on a day (workshop, leave); replaces that day's absences. */
    public List<FleetAbsence> absent(Depot depot, LocalDate day, List<String> registrations, List<Long> driverIds, String reason) {
        em.createNamedQuery(FleetAbsence.OF_DAY, FleetAbsence.class).setParameter("depotId", depot.id()).setParameter("day", day)
                .getResultList().forEach(em::remove);
        em.flush();
        Violations violations = new Violations();
        Map<String, Vehicle> vehicles = new HashMap<>();
        vehiclesAt(depot).forEach(v -> vehicles.put(v.registration(), v));
        Set<Long> drivers = new HashSet<>();
        driversAt(depot).forEach(d -> drivers.add(d.id()));
        List<FleetAbsence> absences = new ArrayList<>();
        for (String registration : registrations) {
            Vehicle vehicle = vehicles.get(registration);
            violations.check(vehicle != null, "vehicles", registration + " is not based at " + depot.code());
            if (vehicle != null) {
                absences.add(new FleetAbsence(depot.id(), FleetAbsence.Resource.VEHICLE, vehicle.id(), day, reason));
            }
        }
        for (Long driverId : driverIds) {
            violations.check(drivers.contains(driverId), "drivers", driverId + " does not work at " + depot.code());
            absences.add(new FleetAbsence(depot.id(), FleetAbsence.Resource.DRIVER, driverId, day, reason));
        }
        violations.throwIfAny();
        absences.forEach(em::persist);
        return absences;
    }

    public List<FleetAbsence> absences(Depot depot, LocalDate day) {
        return em.createNamedQuery(FleetAbsence.OF_DAY, FleetAbsence.class).setParameter("depotId", depot.id())
                .setParameter("day", day).getResultList();
    }

    /** The vehicles and drivers that work on a day: everyone based at the depot but the absent. */
    public List<Vehicle> vehiclesAvailable(Depot depot, LocalDate day) {
        Set<Long> away = absentIds(depot, day, FleetAbsence.Resource.VEHICLE);
        return vehiclesAt(depot).stream().filter(v -> !away.contains(v.id())).toList();
    }

    public List<Driver> driversAvailable(Depot depot, LocalDate day) {
        Set<Long> away = absentIds(depot, day, FleetAbsence.Resource.DRIVER);
        return driversAt(depot).stream().filter(d -> !away.contains(d.id())).toList();
    }

    private Set<Long> absentIds(Depot depot, LocalDate day, FleetAbsence.Resource resource) {
        return absences(depot, day).stream().filter(a -> a.resource() == resource).map(FleetAbsence::resourceId)
                .collect(Collectors.toSet());
    }

    private static LocalTime time(Violations violations, String field, String text, LocalTime fallback) {
        return text == null ? fallback : violations.attempt(field, () -> LocalTime.parse(text));
    }

    private static BigDecimal nonNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Tank-to-wheel CO2 when none is given: a diesel van emits about 200 g/km; electric and bikes none locally. */
    private static double defaultCo2(VehicleType type) {
        return type == VehicleType.VAN ? 200 : 0;
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
