package dev.lastmile.routing.fleet.boundary;

/**
 * A new depot as the back office describes it; opening hours (HH:mm) default to 07:00–21:00 and the
 * distance model to STRAIGHT_LINE (ROAD_NETWORK needs the OSM extract configured).
 */
public record DepotRequest(String code, String name, Double latitude, Double longitude, String opens, String closes,
                           String distanceModel) {
}
