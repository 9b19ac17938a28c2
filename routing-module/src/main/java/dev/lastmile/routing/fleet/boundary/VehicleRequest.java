package dev.lastmile.routing.fleet.boundary;

import java.math.BigDecimal;

/**
 * A vehicle to base at a depot. Capacity in kg and parcels is required; load space (litres),
 * electric range, costs and CO2 are optional and default to "not limiting" and zero.
 */
public record VehicleRequest(String registration, String type, Double capacityKg, Integer capacityParcels,
                             Double capacityLitres, Double rangeKm, BigDecimal fixedCost, BigDecimal costPerKm,
                             BigDecimal costPerHour, Double co2GramsPerKm) {
}
