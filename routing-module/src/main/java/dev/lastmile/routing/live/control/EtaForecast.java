package dev.lastmile.routing.live.control;

import dev.lastmile.model.geo.GeoPoint;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The remaining stops' arrival times from a route's actual progress: the plan's own legs and stop times, scaled by
 * the pace the van kept today, starting from where it is now (its latest position, or the stop it finished last).
 * Recent legs weigh more than the morning's (traffic changes by the hour), and a short day's pace is pulled
 * towards the plan's until there is enough of it to trust.
 */
final class EtaForecast {

    /** How fast old legs fade from the pace: a leg this old counts 1/e as much as one just driven. */
    static final double PACE_MEMORY_MINUTES = 90;
    /** The plan's own pace counts as this many planned minutes already driven at pace 1. */
    static final double PRIOR_MINUTES = 30;
    static final double SLOWEST = 3.0;
    static final double FASTEST = 0.6;

    /** A stop as planned: where, and when the van should arrive and leave. */
    record PlannedStop(long stopId, String trackingId, GeoPoint at, LocalDateTime eta, LocalDateTime departs) {
    }

    /** The drive time between two points, from the same source the route was planned with. */
    interface Travel {
        Duration between(GeoPoint from, GeoPoint to);
    }

    record Eta(PlannedStop stop, LocalDateTime at, int stopsBefore) {
    }

    record Result(double pace, List<Eta> etas, LocalDateTime returnsAt) {
    }

    /** Where the van was last seen: a GPS fix, taken at a time. */
    record Seen(GeoPoint at, LocalDateTime when) {
    }

    private EtaForecast() {
    }

    /**
     * @param stops     the route's delivery stops in plan order
     * @param departure the route's planned departure from the depot
     * @param done      stops finished, by tracking id, with the time the driver finished them
     * @param seen      the van's latest position, or null
     * @param now       the time of the forecast (the reporting event's time)
     * @param plannedReturn when the plan has the van back at the depot, or null
     */
    static Result forecast(List<PlannedStop> stops, LocalDateTime departure, Map<String, LocalDateTime> done, Seen seen,
                           LocalDateTime now, LocalDateTime plannedReturn, Travel travel) {
        double pace = pace(stops, departure, done, now);
        List<PlannedStop> open = stops.stream().filter(s -> !done.containsKey(s.trackingId())).toList();
        List<Eta> etas = new ArrayList<>();
        if (open.isEmpty()) {
            return new Result(pace, etas, plannedReturn);
        }
        PlannedStop last = stops.stream().filter(s -> done.containsKey(s.trackingId()))
                .max(Comparator.comparing(s -> done.get(s.trackingId()))).orElse(null);
        PlannedStop next = open.get(0);
        LocalDateTime lastDone = last == null ? null : done.get(last.trackingId());
        LocalDateTime arrival;
        if (seen != null && (lastDone == null || seen.when().isAfter(lastDone))) {
            arrival = seen.when().plus(scaled(travel.between(seen.at(), next.at()), pace));
        } else if (last != null) {
            arrival = lastDone.plus(scaled(legTime(last, next, travel), pace));
        } else {
            // Not started yet: the plan's departure, or now if the van is late leaving.
            LocalDateTime leaves = departure.isAfter(now) ? departure : now;
            arrival = leaves.plus(scaled(Duration.between(departure, next.eta()), pace));
        }
        if (arrival.isBefore(now)) {
            arrival = now;
        }
        for (int i = 0; i < open.size(); i++) {
            PlannedStop stop = open.get(i);
            LocalDateTime at = i == 0 ? arrival : arrival.plus(scaled(Duration.between(next.eta(), stop.eta()), pace));
            etas.add(new Eta(stop, at, i));
        }
        PlannedStop lastOpen = open.get(open.size() - 1);
        LocalDateTime returnsAt = plannedReturn == null ? null
                : etas.get(etas.size() - 1).at().plus(scaled(Duration.between(lastOpen.eta(), plannedReturn), pace));
        return new Result(pace, etas, returnsAt);
    }

    /** From finishing one stop to arriving at the next: the plan's leg when they follow each other, else the roads. */
    private static Duration legTime(PlannedStop from, PlannedStop to, Travel travel) {
        Duration planned = Duration.between(from.departs() == null ? from.eta() : from.departs(), to.eta());
        return planned.isNegative() ? travel.between(from.at(), to.at()) : planned;
    }

    /**
     * Actual against planned time of each finished leg (finish of one stop to finish of the next), weighted by how
     * recent it is, with the plan itself as a prior.
     */
    static double pace(List<PlannedStop> stops, LocalDateTime departure, Map<String, LocalDateTime> done, LocalDateTime now) {
        List<PlannedStop> finished = stops.stream().filter(s -> done.containsKey(s.trackingId()))
                .sorted(Comparator.comparing(s -> done.get(s.trackingId()))).toList();
        double actual = PRIOR_MINUTES;
        double planned = PRIOR_MINUTES;
        LocalDateTime previousActual = departure;
        LocalDateTime previousPlanned = departure;
        for (PlannedStop stop : finished) {
            LocalDateTime finishedAt = done.get(stop.trackingId());
            LocalDateTime plannedFinish = stop.departs() == null ? stop.eta() : stop.departs();
            double actualMinutes = minutes(previousActual, finishedAt);
            double plannedMinutes = minutes(previousPlanned, plannedFinish);
            if (actualMinutes > 0 && plannedMinutes > 0) {
                double weight = Math.exp(-minutes(finishedAt, now) / PACE_MEMORY_MINUTES);
                actual += weight * actualMinutes;
                planned += weight * plannedMinutes;
            }
            previousActual = finishedAt;
            previousPlanned = plannedFinish;
        }
        return Math.max(FASTEST, Math.min(SLOWEST, actual / planned));
    }

    private static double minutes(LocalDateTime from, LocalDateTime to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 60_000.0);
    }

    private static Duration scaled(Duration planned, double pace) {
        return Duration.ofMillis(Math.round(Math.max(0, planned.toMillis()) * pace));
    }
}
