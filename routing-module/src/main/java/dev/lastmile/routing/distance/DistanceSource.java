package dev.lastmile.routing.distance;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.util.List;

/**
 * Where distances and drive times between stops come from: straight lines ({@link StraightLineDistances}, works
 * anywhere offline) or a road network ({@link RoadNetworkDistances}).
 */
public interface DistanceSource {

    /**
     * Metres and seconds from every point to every other, in the order given (row = from, column = to).
     * The diagonal is zero; the matrix may be asymmetric (one-way streets).
     *
     * @throws StopOffRoadNetwork if a road-network source finds no road near some of the points
     */
    DistanceMatrix matrix(List<GeoPoint> points, VehicleType vehicle);

    /**
     * The way from the first stop through the others in order, for showing a route on a map.
     *
     * @throws StopOffRoadNetwork if a road-network source finds no road near some of the stops
     */
    RouteGeometry geometry(List<GeoPoint> stops, VehicleType vehicle);

    /**
     * The roads inside a box, as lines of points, at most {@code most} of them: the background of a map
     * that has no tile server. Sources without a road network have none.
     */
    default List<List<GeoPoint>> roadsWithin(GeoPoint southWest, GeoPoint northEast, int most) {
        return List.of();
    }
}
