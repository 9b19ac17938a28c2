package dev.lastmile.routing.planning.boundary;

/** Which depot's day to plan. */
public record PlanRequest(String depot, String date) {
}
