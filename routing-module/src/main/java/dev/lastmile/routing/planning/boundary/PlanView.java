package dev.lastmile.routing.planning.boundary;

import dev.lastmile.routing.planning.control.DayPlanning;
import java.util.List;

/** The outcome of planning a day: new routes, and each parcel that found no place with the reason why. */
public record PlanView(String depot, String date, List<RouteView> routes, List<Unplaced> unplaced) {

    public record Unplaced(String trackingId, String reason) {
    }

    static PlanView of(String depot, String date, DayPlanning.Result result) {
        return new PlanView(depot, date, result.routes().stream().map(RouteView::of).toList(),
                result.unplaced().entrySet().stream()
                        .map(e -> new Unplaced(e.getKey().trackingId().value(), e.getValue())).toList());
    }
}
