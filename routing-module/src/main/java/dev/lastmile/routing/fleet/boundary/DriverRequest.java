package dev.lastmile.routing.fleet.boundary;

/** A driver to base at a depot. */
public record DriverRequest(String name) {
}
