package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.routing.distance.DistanceSource;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedRoute;
import dev.lastmile.routing.planning.control.PlannedDay.PlannedStop;
import dev.lastmile.routing.planning.control.PlannedDay.Unassigned;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a {@link DayInput} into a {@link PlannedDay}: the routes with times, loads, distance, drive time,
 * cost and CO2, and every parcel left out with its reason. An impossible day is a result, not an error.
 */
public class DayPlanner {

    private final DistanceSource distances;
    private final Duration budget;

    public DayPlanner(DistanceSource distances, Duration budget) {
        this.distances = distances;
        this.budget = budget;
    }

    public PlannedDay plan(DayInput input, Consumer<PlannedDay> improved, BooleanSupplier cancelled) {
        LocalDateTime departure = input.earliestStart();
        VehicleType slowest = input.crews().stream().map(DayInput.Crew::type)
                .min(Comparator.comparingDouble(VehicleType::urbanSpeedKmh)).orElse(VehicleType.VAN);
        RoutePlanner planner = new RoutePlanner(budget, distances, slowest);
        Map<Long, DayInput.Crew> crews = input.crews().stream().collect(Collectors.toMap(DayInput.Crew::vehicleId, Function.identity()));
        Map<Long, DayInput.Load> loads = input.parcels().stream().collect(Collectors.toMap(DayInput.Load::parcelId, Function.identity()));
        RoutePlanner.Plan plan = planner.plan(input.depot(), departure,
                input.crews().stream().map(c -> new RoutePlanner.Van(c.vehicleId(), c.capacityKg(), c.capacityParcels(),
                        c.type().urbanSpeedKmh())).toList(),
                input.parcels().stream().map(p -> new RoutePlanner.Destination(p.parcelId(), p.location(), p.weightKg(),
                        p.slot())).toList());
        List<PlannedRoute> routes = new ArrayList<>();
        for (RoutePlanner.Tour tour : plan.tours()) {
            routes.add(route(crews.get(tour.vehicleId()), tour, loads, departure));
        }
        List<Unassigned> unassigned = plan.unplaced().entrySet().stream()
                .map(e -> new Unassigned(e.getKey(), loads.get(e.getKey()).trackingId(), e.getValue())).toList();
        PlannedDay day = new PlannedDay(routes, unassigned, PlannedDay.totalsOf(routes));
        improved.accept(day);
        return day;
    }

    private static PlannedRoute route(DayInput.Crew crew, RoutePlanner.Tour tour, Map<Long, DayInput.Load> loads,
                                      LocalDateTime departure) {
        double load = tour.calls().stream().mapToDouble(c -> loads.get(c.parcelId()).weightKg()).sum();
        double km = tour.kilometresBack();
        List<PlannedStop> stops = new ArrayList<>();
        for (RoutePlanner.Call call : tour.calls()) {
            DayInput.Load parcel = loads.get(call.parcelId());
            load -= parcel.weightKg();
            km += call.kilometresFromPrevious();
            stops.add(new PlannedStop(call.parcelId(), parcel.trackingId(), call.eta().toString(),
                    call.eta().plus(RoutePlanner.SERVICE_TIME).toString(), PlannedDay.round(call.kilometresFromPrevious()),
                    PlannedDay.round(load)));
        }
        LocalDateTime lastDeparture = tour.calls().isEmpty() ? departure
                : tour.calls().get(tour.calls().size() - 1).eta().plus(RoutePlanner.SERVICE_TIME);
        LocalDateTime back = lastDeparture.plusSeconds(Math.round(tour.kilometresBack() / crew.type().urbanSpeedKmh() * 3600));
        double hours = Duration.between(departure, back).toSeconds() / 3600.0;
        double driveMinutes = km / crew.type().urbanSpeedKmh() * 60;
        double cost = crew.fixedCost() + crew.costPerKm() * km + crew.costPerHour() * hours;
        return new PlannedRoute(crew.vehicleId(), crew.registration(), crew.driverId(), crew.driverName(), departure.toString(),
                back.toString(), null, PlannedDay.round(km), PlannedDay.round(driveMinutes), PlannedDay.round(cost),
                PlannedDay.round(km * crew.co2GramsPerKm() / 1000), stops);
    }
}
