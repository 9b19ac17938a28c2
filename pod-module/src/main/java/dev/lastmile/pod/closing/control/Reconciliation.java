package dev.lastmile.pod.closing.control;

import java.util.List;

/**
 * Where every parcel of a route ended up: delivered, failed and back at the depot, back at the depot
 * without an attempt, or missing (neither delivered nor scanned back; only once the route is closed).
 */
public record Reconciliation(long routeId, String vehicle, String driver, String day, String closedAt,
                             List<Line> delivered, List<Line> failed, List<Line> returnedToDepot, List<Line> missing,
                             List<Line> outstanding) {

    public record Line(String trackingId, String recipient, String address, String detail) {
    }

    public boolean balanced() {
        return missing.isEmpty() && outstanding.isEmpty();
    }
}
