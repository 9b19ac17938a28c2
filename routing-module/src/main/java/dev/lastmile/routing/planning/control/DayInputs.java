package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.fleet.Vehicle;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.returns.ParcelReturn;
import dev.lastmile.routing.fleet.control.Fleet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a depot's day for the planner: available crews and the parcels due. */
@ApplicationScoped
public class DayInputs {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Fleet fleet;

    /** Parcels due and not yet on a route, with every vehicle and driver available and not out already. */
    public DayInput of(Depot depot, LocalDate day, Collection<Long> busyVehicles, Collection<Long> busyDrivers,
                       LocalDateTime earliestStart) {
        List<Parcel> due = em.createNamedQuery(Parcel.DUE_AT_DEPOT, Parcel.class).setParameter("depot", depot)
                .setParameter("date", day).getResultList();
        return of(depot, day, due, busyVehicles, busyDrivers, earliestStart);
    }

    public DayInput of(Depot depot, LocalDate day, List<Parcel> parcels, Collection<Long> busyVehicles,
                       Collection<Long> busyDrivers, LocalDateTime earliestStart) {
        return of(depot, day, parcels, busyVehicles, busyDrivers, earliestStart, Map.of());
    }

    /**
     * {@code crewed}: vehicles already out with their driver (a re-plan keeps them together); the other
     * available vehicles, cheapest first, get the other available drivers, earliest shift first.
     */
    public DayInput of(Depot depot, LocalDate day, List<Parcel> parcels, Collection<Long> busyVehicles,
                       Collection<Long> busyDrivers, LocalDateTime earliestStart, Map<Long, Long> crewed) {
        List<Vehicle> vehicles = fleet.vehiclesAvailable(depot, day).stream().filter(v -> !busyVehicles.contains(v.id()))
                .sorted(Comparator.comparing((Vehicle v) -> v.costPerKm()).thenComparing(Vehicle::registration)).toList();
        List<Driver> drivers = fleet.driversAvailable(depot, day).stream().filter(d -> !busyDrivers.contains(d.id()))
                .sorted(Comparator.comparing(Driver::shiftStart).thenComparing(Driver::name)).toList();
        List<DayInput.Crew> crews = new ArrayList<>();
        Map<Long, Driver> driverById = new HashMap<>();
        drivers.forEach(d -> driverById.put(d.id(), d));
        for (Vehicle vehicle : vehicles) {
            Driver driver = driverById.get(crewed.get(vehicle.id()));
            if (driver != null) {
                crews.add(crew(vehicle, driver));
            }
        }
        List<Vehicle> freeVehicles = vehicles.stream().filter(v -> !crewed.containsKey(v.id())).toList();
        List<Driver> freeDrivers = drivers.stream().filter(d -> !crewed.containsValue(d.id())).toList();
        for (int i = 0; i < Math.min(freeVehicles.size(), freeDrivers.size()); i++) {
            crews.add(crew(freeVehicles.get(i), freeDrivers.get(i)));
        }
        List<DayInput.Load> loads = new ArrayList<>(parcels.stream().map(p -> new DayInput.Load(p.id(), p.trackingId().value(),
                p.location(), p.weightKg(), p.volumeLitres().orElse(null), p.slot().orElse(null))).toList());
        // Customers' returns waiting for collection ride along as pickups that add load.
        em.createNamedQuery(ParcelReturn.PICKUPS_DUE, ParcelReturn.class).setParameter("depot", depot).getResultList()
                .forEach(r -> loads.add(new DayInput.Load(r.parcel().id(), r.trackingId().value(), r.parcel().location(),
                        r.parcel().weightKg(), r.parcel().volumeLitres().orElse(null), null, r.id())));
        return new DayInput(depot.code(), depot.location(), day, depot.opens(), depot.closes(), depot.distanceModel(),
                earliestStart, crews, loads);
    }

    private static DayInput.Crew crew(Vehicle vehicle, Driver driver) {
        return new DayInput.Crew(vehicle.id(), vehicle.registration(), vehicle.type(), vehicle.capacityKg(),
                vehicle.capacityParcels(), vehicle.capacityLitres().orElse(null), vehicle.rangeKm().orElse(null),
                vehicle.fixedCost().doubleValue(), vehicle.costPerKm().doubleValue(), vehicle.costPerHour().doubleValue(),
                vehicle.co2GramsPerKm(), driver.id(), driver.name(), driver.shiftStart(), driver.shiftEnd(),
                driver.breakMinutes(), driver.breakEarliest(), driver.breakLatest(), driver.costPerHour().doubleValue());
    }
}
