package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.routing.distance.DistanceSource;
import dev.lastmile.routing.distance.StopOffRoadNetwork;
import dev.lastmile.routing.planning.solver.DenseTravelMatrix;
import dev.lastmile.routing.planning.solver.Fleet;
import dev.lastmile.routing.planning.solver.Problem;
import dev.lastmile.routing.planning.solver.Route;
import dev.lastmile.routing.planning.solver.Solution;
import dev.lastmile.routing.planning.solver.Solver;
import dev.lastmile.routing.planning.solver.Visit;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a depot's day with the SISR solver: capacity in kilograms and in parcels, the recipients'
 * time slots, the working day. Unless a {@link DistanceSource} is given, distances are straight lines
 * times a circuity factor; times follow the slowest vehicle's urban speed, so ETAs err on the late side.
 */
public class RoutePlanner {

    /** Roads are longer than straight lines; 1.3 is a common urban circuity factor. */
    static final double CIRCUITY = 1.3;
    static final Duration SERVICE_TIME = Duration.ofMinutes(4);
    static final Duration WORKING_DAY = Duration.ofHours(12);
    /** Weights go to the solver in units of 100 g. */
    private static final int UNITS_PER_KG = 10;

    public record Destination(long parcelId, GeoPoint location, double weightKg, TimeSlot slot) {
    }

    public record Van(long vehicleId, double capacityKg, int capacityParcels, double speedKmh) {
    }

    public record Call(long parcelId, LocalDateTime eta, double kilometresFromPrevious) {
    }

    public record Tour(long vehicleId, List<Call> calls, double kilometresBack) {
    }

    public record Plan(List<Tour> tours, Map<Long, String> unplaced) {
    }

    /** Travel between the depot (index 0) and the destinations (1..n), for the whole fleet. */
    @FunctionalInterface
    private interface DayTravel {
        DenseTravelMatrix between(GeoPoint depot, List<Destination> destinations, List<Van> vans);
    }

    private final Duration budget;
    private final DayTravel travel;

    public RoutePlanner(Duration budget) {
        this(budget, RoutePlanner::straightLines);
    }

    /**
     * Plans with the distances and times of {@code distances} for one kind of vehicle: the slowest kind of the
     * depot's fleet keeps ETAs on the late side. A destination the source finds no road to stays unplaced.
     */
    public RoutePlanner(Duration budget, DistanceSource distances, VehicleType vehicle) {
        this(budget, (depot, destinations, vans) -> distances.matrix(stops(depot, destinations), vehicle).travelMatrix());
    }

    private RoutePlanner(Duration budget, DayTravel travel) {
        this.budget = budget;
        this.travel = travel;
    }

    public Plan plan(GeoPoint depot, LocalDateTime departure, List<Van> vans, List<Destination> destinations) {
        Map<Long, String> unplaced = new LinkedHashMap<>();
        if (vans.isEmpty()) {
            destinations.forEach(d -> unplaced.put(d.parcelId(), "no vehicle available at the depot"));
            return new Plan(List.of(), unplaced);
        }
        double heaviestLoad = vans.stream().mapToDouble(Van::capacityKg).max().orElse(0);
        List<Destination> candidates = new ArrayList<>();
        for (Destination destination : destinations) {
            String reason = destination.weightKg() > heaviestLoad ? "too heavy for any vehicle"
                    : slotClosesBeforeDeparture(destination, departure) ? "time slot ends before the vehicles leave the depot"
                    : null;
            if (reason == null) {
                candidates.add(destination);
            } else {
                unplaced.put(destination.parcelId(), reason);
            }
        }
        Optional<DenseTravelMatrix> travelled = travelSettingAsideOffRoad(depot, candidates, vans, unplaced);
        if (travelled.isEmpty()) {
            return new Plan(List.of(), unplaced);
        }
        Problem problem = solverProblem(depot, departure, vans, candidates, travelled.get());
        Matrix matrix = new Matrix((DenseTravelMatrix) problem.travel());
        Solution solution = new Solver().solve(problem, budgetFor(candidates.size()), 1L);
        List<Tour> tours = new ArrayList<>();
        for (Route route : solution.routes()) {
            tours.add(tour(route, problem, matrix, departure, vans, candidates));
        }
        solution.unassignedVisits().forEach(index -> unplaced.put(candidates.get(index - 1).parcelId(),
                "no vehicle has capacity or time left for it"));
        return new Plan(tours, unplaced);
    }

    /** The solver uses all the time it is given: small days get less of it. */
    private Duration budgetFor(int parcels) {
        Duration scaled = Duration.ofMillis(Math.max(300, 20L * parcels));
        return scaled.compareTo(budget) < 0 ? scaled : budget;
    }

    /**
     * Travel data for the depot and the candidates; candidates with no road within reach go to {@code unplaced}
     * and out of {@code candidates}, and the rest is asked again. Empty when no candidate is left.
     */
    private Optional<DenseTravelMatrix> travelSettingAsideOffRoad(GeoPoint depot, List<Destination> candidates, List<Van> vans,
                                                      Map<Long, String> unplaced) {
        while (!candidates.isEmpty()) {
            try {
                return Optional.of(travel.between(depot, candidates, vans));
            } catch (StopOffRoadNetwork offRoad) {
                if (offRoad.stops().contains(0)) throw offRoad;
                List<Destination> unreachable = offRoad.stops().stream().map(stop -> candidates.get(stop - 1)).toList();
                unreachable.forEach(d -> unplaced.put(d.parcelId(), "no road the vehicle may use reaches the address"));
                candidates.removeAll(unreachable);
            }
        }
        return Optional.empty();
    }

    /** Index 0 the depot, 1..n the destinations in the given order, as in the solver's problem. */
    public static List<GeoPoint> stops(GeoPoint depot, List<Destination> destinations) {
        List<GeoPoint> stops = new ArrayList<>(destinations.size() + 1);
        stops.add(depot);
        destinations.forEach(d -> stops.add(d.location()));
        return stops;
    }

    /**
     * The day as the solver sees it: index 0 the depot, 1..n the destinations in the given order, straight-line
     * travel at the slowest van's speed. Public so that benchmarks can give the same problem to another solver.
     */
    public static Problem solverProblem(GeoPoint depot, LocalDateTime departure, List<Van> vans, List<Destination> candidates) {
        return solverProblem(depot, departure, vans, candidates, straightLines(depot, candidates, vans));
    }

    private static DenseTravelMatrix straightLines(GeoPoint depot, List<Destination> destinations, List<Van> vans) {
        return Matrix.of(depot, destinations, vans.stream().mapToDouble(Van::speedKmh).min().orElseThrow()).travel();
    }

    /** The same with travel data from elsewhere, indexed as by {@link #stops}. */
    public static Problem solverProblem(GeoPoint depot, LocalDateTime departure, List<Van> vans, List<Destination> candidates,
                                        DenseTravelMatrix travel) {
        if (travel.size() != candidates.size() + 1) {
            throw new IllegalArgumentException("travel covers " + travel.size() + " stops, the day has " + (candidates.size() + 1));
        }
        double closes = WORKING_DAY.toSeconds();
        List<Visit> customers = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Destination destination = candidates.get(i);
            double earliest = 0;
            double latest = closes - SERVICE_TIME.toSeconds();
            if (destination.slot() != null) {
                earliest = Math.max(0, secondsAfter(departure, destination.slot().from()));
                latest = Math.min(latest, secondsAfter(departure, destination.slot().to()));
            }
            int[] demand = {(int) Math.ceil(destination.weightKg() * UNITS_PER_KG), 1};
            customers.add(new Visit(i + 1, demand, earliest, Math.max(earliest, latest), SERVICE_TIME.toSeconds()));
        }
        List<int[]> capacities = vans.stream()
                .map(v -> new int[] {(int) Math.floor(v.capacityKg() * UNITS_PER_KG), v.capacityParcels()}).toList();
        return new Problem(Visit.depot(0, 2, 0, closes), customers, travel, Fleet.of(capacities));
    }

    /** Arrival times replayed along the tour: drive, wait for the slot to open, serve. */
    private static Tour tour(Route route, Problem problem, Matrix matrix, LocalDateTime departure, List<Van> vans,
                             List<Destination> candidates) {
        List<Call> calls = new ArrayList<>();
        double clock = 0;
        int previous = 0;
        for (int index : route.visits()) {
            Visit visit = problem.customers().get(index - 1);
            clock = Math.max(clock + matrix.travel().time(previous, index), visit.earliest());
            calls.add(new Call(candidates.get(index - 1).parcelId(), departure.plusSeconds(Math.round(clock)),
                    matrix.travel().distance(previous, index) / 1000));
            clock += visit.serviceTime();
            previous = index;
        }
        return new Tour(vans.get(route.vehicle()).vehicleId(), calls, matrix.travel().distance(previous, 0) / 1000);
    }

    private static boolean slotClosesBeforeDeparture(Destination destination, LocalDateTime departure) {
        return destination.slot() != null && secondsAfter(departure, destination.slot().to()) < 0;
    }

    private static double secondsAfter(LocalDateTime departure, LocalTime time) {
        return Duration.between(departure, departure.toLocalDate().atTime(time)).toSeconds();
    }

    /** Road metres and seconds between the depot (index 0) and the destinations (1..n). */
    record Matrix(DenseTravelMatrix travel) {

        static Matrix of(GeoPoint depot, List<Destination> destinations, double speedKmh) {
            int size = destinations.size() + 1;
            GeoPoint[] points = new GeoPoint[size];
            points[0] = depot;
            for (int i = 0; i < destinations.size(); i++) {
                points[i + 1] = destinations.get(i).location();
            }
            double[][] metres = new double[size][size];
            double[][] seconds = new double[size][size];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    double km = i == j ? 0 : points[i].kilometresTo(points[j]) * CIRCUITY;
                    metres[i][j] = km * 1000;
                    seconds[i][j] = km / speedKmh * 3600;
                }
            }
            return new Matrix(DenseTravelMatrix.of(metres, seconds));
        }
    }
}
