package dev.lastmile.routing.planning.solver;

/** Travel distance and travel time between stops, addressed by {@link Visit#index()}. May be asymmetric. */
public interface TravelMatrix {

    /** Number of stops the matrix covers; valid indices are {@code 0..size()-1}. */
    int size();

    /** Distance driven from {@code from} to {@code to}; this is what the solver minimises. */
    double distance(int from, int to);

    /** Driving time from {@code from} to {@code to}, in the same unit as time windows. */
    double time(int from, int to);
}
