package dev.lastmile.routing.fleet.boundary;

/** A new depot as the back office describes it. */
public record DepotRequest(String code, String name, Double latitude, Double longitude) {
}
