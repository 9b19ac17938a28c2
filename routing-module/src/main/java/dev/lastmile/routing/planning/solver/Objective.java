package dev.lastmile.routing.planning.solver;

/** What the solver minimises once every customer it can place is placed. */
public enum Objective {
    /** Total {@link VehicleCost} of all routes; fixed costs are the only price of a vehicle. */
    COST,
    /** Fewest vehicles first; among plans with as few vehicles, the lowest total {@link VehicleCost}. */
    FEWEST_VEHICLES_THEN_COST
}
