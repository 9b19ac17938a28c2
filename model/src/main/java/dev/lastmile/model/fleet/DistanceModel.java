package dev.lastmile.model.fleet;

/** Straight lines with a circuity factor work anywhere; the road network needs an OSM extract of the region. */
public enum DistanceModel { STRAIGHT_LINE, ROAD_NETWORK }
