package dev.lastmile.routing.planning.control;

import dev.lastmile.model.geo.GeoPoint;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The walking skeleton's planner: each vehicle in turn drives to the nearest parcel that still
 * fits, until it is full. Good enough to give every parcel a route and an ETA; the real planner
 * (time windows, shifts, an optimising solver) replaces it.
 */
public class NearestNeighbourPlanner {

    /** Roads are longer than straight lines; 1.3 is a common urban circuity factor. */
    static final double CIRCUITY = 1.3;
    static final Duration SERVICE_TIME = Duration.ofMinutes(4);

    public record Destination(long parcelId, GeoPoint location, double weightKg) {
    }

    public record Van(long vehicleId, double capacityKg, int capacityParcels, double speedKmh) {
    }

    public record Call(long parcelId, LocalDateTime eta, double kilometresFromPrevious) {
    }

    public record Tour(long vehicleId, List<Call> calls, double kilometresBack) {
    }

    public record Plan(List<Tour> tours, Map<Long, String> unplaced) {
    }

    public Plan plan(GeoPoint depot, LocalDateTime departure, List<Van> vans, List<Destination> destinations) {
        List<Destination> open = new ArrayList<>(destinations);
        List<Tour> tours = new ArrayList<>();
        for (Van van : vans) {
            Tour tour = tour(depot, departure, van, open);
            if (!tour.calls().isEmpty()) {
                tours.add(tour);
            }
        }
        double largestVan = vans.stream().mapToDouble(Van::capacityKg).max().orElse(0);
        Map<Long, String> unplaced = new LinkedHashMap<>();
        for (Destination left : open) {
            unplaced.put(left.parcelId(), vans.isEmpty() ? "no vehicle available at the depot"
                    : left.weightKg() > largestVan ? "too heavy for any vehicle" : "no vehicle capacity left");
        }
        return new Plan(tours, unplaced);
    }

    private Tour tour(GeoPoint depot, LocalDateTime departure, Van van, List<Destination> open) {
        List<Call> calls = new ArrayList<>();
        GeoPoint here = depot;
        LocalDateTime clock = departure;
        double load = 0;
        while (calls.size() < van.capacityParcels()) {
            Destination next = nearestFitting(here, open, van.capacityKg() - load);
            if (next == null) {
                break;
            }
            double km = roadKilometres(here, next.location());
            clock = clock.plus(driveTime(km, van.speedKmh()));
            calls.add(new Call(next.parcelId(), clock, km));
            clock = clock.plus(SERVICE_TIME);
            load += next.weightKg();
            here = next.location();
            open.remove(next);
        }
        return new Tour(van.vehicleId(), calls, roadKilometres(here, depot));
    }

    private static Destination nearestFitting(GeoPoint here, List<Destination> open, double spareKg) {
        Destination nearest = null;
        double best = Double.MAX_VALUE;
        for (Destination candidate : open) {
            double km = here.kilometresTo(candidate.location());
            if (candidate.weightKg() <= spareKg && km < best) {
                best = km;
                nearest = candidate;
            }
        }
        return nearest;
    }

    static double roadKilometres(GeoPoint from, GeoPoint to) {
        return from.kilometresTo(to) * CIRCUITY;
    }

    private static Duration driveTime(double km, double speedKmh) {
        return Duration.ofSeconds(Math.round(km / speedKmh * 3600));
    }
}
