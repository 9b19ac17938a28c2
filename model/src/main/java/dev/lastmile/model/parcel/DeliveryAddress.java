package dev.lastmile.model.parcel;

import dev.lastmile.model.geo.GeoPoint;

/**
 * Where a parcel goes: the street line, town and postcode people read, and the point a route drives
 * to; the point is null while nobody could place the address.
 */
public record DeliveryAddress(String line, String town, Postcode postcode, GeoPoint location) {

    public DeliveryAddress {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("line is required");
        }
        if (town == null || town.isBlank()) {
            throw new IllegalArgumentException("town is required");
        }
        if (postcode == null) {
            throw new IllegalArgumentException("postcode is required");
        }
    }

    public DeliveryAddress at(GeoPoint point) {
        return new DeliveryAddress(line, town, postcode, point);
    }
}
