package dev.lastmile.routing.distance;

import java.util.List;

/**
 * Some stops have no road the vehicle may use within reach: a wrong geocode, or a point outside the loaded
 * map extract. Carries the positions of those stops in the list that was asked about, so that a caller can set
 * them aside (as parcels that cannot be planned) and ask again without them.
 */
public class StopOffRoadNetwork extends RuntimeException {

    private final List<Integer> stops;

    public StopOffRoadNetwork(List<Integer> stops, String detail) {
        super("no road within reach of stop(s) " + stops + ": " + detail);
        this.stops = List.copyOf(stops);
    }

    /** Positions, in the list asked about, of the stops that are off the road network. */
    public List<Integer> stops() {
        return stops;
    }
}
