package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.routing.distance.DistanceSource;
import dev.lastmile.routing.distance.StopOffRoadNetwork;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedRoute;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedStop;
import dev.lastmile.routing.planning.control.PlannedDay.Unassigned;
import dev.lastmile.routing.planning.solver.Call;
import dev.lastmile.routing.planning.solver.DenseTravelMatrix;
import dev.lastmile.routing.planning.solver.DriverBreak;
import dev.lastmile.routing.planning.solver.Fleet;
import dev.lastmile.routing.planning.solver.Objective;
import dev.lastmile.routing.planning.solver.Problem;
import dev.lastmile.routing.planning.solver.Route;
import dev.lastmile.routing.planning.solver.Schedule;
import dev.lastmile.routing.planning.solver.Solution;
import dev.lastmile.routing.planning.solver.Solver;
import dev.lastmile.routing.planning.solver.Vehicle;
import dev.lastmile.routing.planning.solver.VehicleCost;
import dev.lastmile.routing.planning.solver.Visit;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Plans a {@link DayInput} into a {@link PlannedDay} with the SISR solver: capacity in kilograms,
 * parcels and litres per vehicle, the recipients' slots, the depot's hours, each driver's shift and
 * break, electric range, and each vehicle's costs. Fewest vehicles first, then least cost (the
 * objective is configurable). An impossible day is a result: every parcel left out has a reason.
 * <p>
 * Times are seconds after midnight of the day. One matrix (the van's roads and speed) serves the
 * whole fleet; a slower kind of vehicle scales its drive times by its speed relative to a van.
 */
public class DayPlanner {

    static final Duration SERVICE_TIME = Duration.ofMinutes(4);
    /** Weights go to the solver in units of 100 g. */
    private static final int UNITS_PER_KG = 10;
    private static final int UNLIMITED = Integer.MAX_VALUE / 8;
    private static final List<String> DIMENSIONS = List.of("weight", "parcels", "volume");

    private final DistanceSource distances;
    private final Duration budget;
    private final boolean scaleBudget;
    private final Objective objective;

    /** {@code scaleBudget}: small days get less than the budget (interactive planning); a job uses all of it. */
    public DayPlanner(DistanceSource distances, Duration budget, boolean scaleBudget, Objective objective) {
        this.distances = distances;
        this.budget = budget;
        this.scaleBudget = scaleBudget;
        this.objective = objective;
    }

    public PlannedDay plan(DayInput input, Consumer<PlannedDay> improved, BooleanSupplier cancelled) {
        List<Unassigned> leftOut = new ArrayList<>();
        List<DayInput.Load> loads = new ArrayList<>(input.parcels());
        List<DayInput.Crew> crews = input.crews().stream().filter(c -> canWork(input, c)).toList();
        if (crews.isEmpty()) {
            loads.forEach(l -> leftOut.add(new Unassigned(l.parcelId(), l.trackingId(), "NO_VEHICLE",
                    "no vehicle and driver are available at the depot that day")));
            return new PlannedDay(List.of(), leftOut, PlannedDay.totalsOf(List.of()));
        }
        DenseTravelMatrix travel = travelSettingAsideOffRoad(input.depot(), loads, leftOut);
        if (loads.isEmpty()) {
            return new PlannedDay(List.of(), leftOut, PlannedDay.totalsOf(List.of()));
        }
        Problem problem = problem(input, crews, loads, travel);
        Solution solution = new Solver().solve(problem, budgetFor(loads.size()), 1L,
                progress -> improved.accept(day(input, crews, loads, travel, progress.solution().get(), leftOut)),
                cancelled);
        PlannedDay day = day(input, crews, loads, travel, solution, leftOut);
        improved.accept(day);
        return day;
    }

    private Duration budgetFor(int parcels) {
        if (!scaleBudget) {
            return budget;
        }
        Duration scaled = Duration.ofMillis(Math.max(300, 20L * parcels));
        return scaled.compareTo(budget) < 0 ? scaled : budget;
    }

    private Problem problem(DayInput input, List<DayInput.Crew> crews, List<DayInput.Load> loads, DenseTravelMatrix travel) {
        double opens = seconds(input.opens());
        double closes = seconds(input.closes());
        List<Visit> customers = new ArrayList<>();
        for (int i = 0; i < loads.size(); i++) {
            DayInput.Load load = loads.get(i);
            double earliest = load.slot() == null ? opens : Math.max(opens, seconds(load.slot().from()));
            double latest = load.slot() == null ? closes : Math.min(closes, seconds(load.slot().to()));
            int[] demand = {(int) Math.ceil(load.weightKg() * UNITS_PER_KG), 1,
                (int) Math.ceil(load.volumeLitres() == null ? 0 : load.volumeLitres())};
            // A window that cannot be met stays as it is: the solver reports the parcel SLOT_UNREACHABLE.
            customers.add(load.pickup()
                    ? Visit.collection(i + 1, demand, earliest, Math.max(earliest, latest), SERVICE_TIME.toSeconds())
                    : new Visit(i + 1, demand, earliest, Math.max(earliest, latest), SERVICE_TIME.toSeconds()));
        }
        List<Vehicle> vehicles = crews.stream().map(c -> vehicle(input, c)).toList();
        return new Problem(Visit.depot(0, DIMENSIONS.size(), opens, closes), customers, travel,
                new Fleet(DIMENSIONS, vehicles), objective);
    }

    private static Vehicle vehicle(DayInput input, DayInput.Crew crew) {
        double[] shift = shift(input, crew);
        Vehicle vehicle = Vehicle.withCapacity((int) Math.floor(crew.capacityKg() * UNITS_PER_KG), crew.capacityParcels(),
                        crew.capacityLitres() == null ? UNLIMITED : (int) Math.floor(crew.capacityLitres()))
                .withShift(shift[0], shift[1])
                .withTimeFactor(VehicleType.VAN.urbanSpeedKmh() / crew.type().urbanSpeedKmh())
                .withCost(new VehicleCost(crew.fixedCost(), crew.costPerKm() / 1000, crew.costPerHour() / 3600));
        if (crew.rangeKm() != null) {
            vehicle = vehicle.withMaxDistance(crew.rangeKm() * 1000);
        }
        double breakStart = Math.max(seconds(crew.breakEarliest()), shift[0]);
        double breakLatest = seconds(crew.breakLatest());
        if (crew.breakMinutes() > 0 && breakStart <= breakLatest) {
            vehicle = vehicle.withBreak(new DriverBreak(breakStart, breakLatest, crew.breakMinutes() * 60.0));
        }
        return vehicle;
    }

    private static boolean canWork(DayInput input, DayInput.Crew crew) {
        double[] shift = shift(input, crew);
        return shift[0] < shift[1];
    }

    /** The crew works within the driver's shift, the depot's hours, and not before the plan may start. */
    private static double[] shift(DayInput input, DayInput.Crew crew) {
        double earliest = input.earliestStart().toLocalDate().equals(input.day())
                ? seconds(input.earliestStart().toLocalTime()) : input.earliestStart().toLocalDate().isAfter(input.day())
                ? Double.MAX_VALUE : 0;
        double start = Math.max(Math.max(seconds(crew.shiftStart()), seconds(input.opens())), earliest);
        double end = Math.min(seconds(crew.shiftEnd()), seconds(input.closes()));
        return new double[] {start, end};
    }

    private PlannedDay day(DayInput input, List<DayInput.Crew> crews, List<DayInput.Load> loads, DenseTravelMatrix travel,
                           Solution solution, List<Unassigned> leftOut) {
        LocalDateTime midnight = input.day().atStartOfDay();
        List<PlannedRoute> routes = new ArrayList<>();
        for (Route route : solution.routes()) {
            Schedule schedule = route.schedule().orElseThrow();
            DayInput.Crew crew = crews.get(route.vehicle());
            List<PlannedStop> stops = new ArrayList<>();
            int previous = 0;
            for (Call call : schedule.calls()) {
                DayInput.Load load = loads.get(call.visit() - 1);
                stops.add(new PlannedStop(load.parcelId(), load.trackingId(), at(midnight, call.serviceStart()),
                        at(midnight, call.departure()), PlannedDay.round(travel.distance(previous, call.visit()) / 1000),
                        call.loadAfter()[0] / (double) UNITS_PER_KG, load.pickup() ? "PICKUP" : "DELIVERY", load.returnId(),
                        load.location().latitude(), load.location().longitude()));
                previous = call.visit();
            }
            double km = schedule.distance() / 1000;
            routes.add(new PlannedRoute(crew.vehicleId(), crew.registration(), crew.driverId(), crew.driverName(),
                    at(midnight, schedule.start()), at(midnight, schedule.end()),
                    schedule.driverBreak().map(b -> at(midnight, b.start())).orElse(null), PlannedDay.round(km),
                    PlannedDay.round(schedule.driveTime() / 60), PlannedDay.round(schedule.cost()),
                    PlannedDay.round(km * crew.co2GramsPerKm() / 1000), stops));
        }
        List<Unassigned> unassigned = new ArrayList<>(leftOut);
        for (dev.lastmile.routing.planning.solver.Unassigned missing : solution.unassigned()) {
            DayInput.Load load = loads.get(missing.visit() - 1);
            unassigned.add(new Unassigned(load.parcelId(), load.trackingId(), missing.reason().name(), reason(missing)));
        }
        return new PlannedDay(routes, unassigned, PlannedDay.totalsOf(routes));
    }

    private static String reason(dev.lastmile.routing.planning.solver.Unassigned missing) {
        return switch (missing.reason()) {
            case TOO_HEAVY -> "too heavy for any vehicle (" + String.join(", ", missing.dimensions()) + ")";
            case SLOT_UNREACHABLE -> "no vehicle can reach it within its time slot, the drivers' shifts and the depot's hours";
            case OUT_OF_RANGE -> "beyond the range of every vehicle that could carry it";
            case NO_CAPACITY_LEFT -> "no vehicle has capacity or time left for it";
        };
    }

    /** Travel for the depot and the parcels; parcels no road reaches are left out, and the rest asked again. */
    private DenseTravelMatrix travelSettingAsideOffRoad(GeoPoint depot, List<DayInput.Load> loads, List<Unassigned> leftOut) {
        while (!loads.isEmpty()) {
            List<GeoPoint> points = new ArrayList<>();
            points.add(depot);
            loads.forEach(l -> points.add(l.location()));
            try {
                return distances.matrix(points, VehicleType.VAN).travelMatrix();
            } catch (StopOffRoadNetwork offRoad) {
                if (offRoad.stops().contains(0)) {
                    throw offRoad;
                }
                List<DayInput.Load> unreachable = offRoad.stops().stream().map(stop -> loads.get(stop - 1)).toList();
                unreachable.forEach(l -> leftOut.add(new Unassigned(l.parcelId(), l.trackingId(), "NO_ROAD",
                        "no road the vehicles may use reaches the address")));
                loads.removeAll(unreachable);
            }
        }
        return null;
    }

    private static double seconds(LocalTime time) {
        return time.toSecondOfDay();
    }

    private static String at(LocalDateTime midnight, double seconds) {
        return midnight.plusSeconds(Math.round(seconds)).toString();
    }
}
