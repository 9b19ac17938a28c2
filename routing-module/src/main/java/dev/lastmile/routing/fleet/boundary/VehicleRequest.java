package dev.lastmile.routing.fleet.boundary;

/** A vehicle to base at a depot. */
public record VehicleRequest(String registration, String type, Double capacityKg, Integer capacityParcels) {
}
