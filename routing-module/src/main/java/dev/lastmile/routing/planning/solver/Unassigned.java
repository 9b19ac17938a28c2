package dev.lastmile.routing.planning.solver;

import java.util.List;

/**
 * A customer the plan leaves out, and why.
 *
 * @param visit      the customer's {@link Visit#index()}
 * @param dimensions for {@link Reason#TOO_HEAVY}: the capacity dimensions (by {@link Fleet#dimensionNames()})
 *                   it exceeds in every vehicle, or if none alone does, those it exceeds in some; otherwise empty
 */
public record Unassigned(int visit, Reason reason, List<String> dimensions) {

    /**
     * Checked in this order, each among the vehicles that passed the previous checks: a customer is
     * {@code SLOT_UNREACHABLE} when the vehicles that can carry it cannot serve it in time.
     */
    public enum Reason {
        /** No vehicle can carry its load. */
        TOO_HEAVY,
        /**
         * No vehicle that can carry it can serve it within its time window and be back within its
         * shift and the depot's hours, even on a route of its own (break included).
         */
        SLOT_UNREACHABLE,
        /** Every vehicle that could otherwise serve it would exceed its maximum route distance on the round trip alone. */
        OUT_OF_RANGE,
        /** Some vehicle could serve it alone, but the plan has no room for it. */
        NO_CAPACITY_LEFT
    }

    public Unassigned {
        dimensions = List.copyOf(dimensions);
    }

    public static Unassigned because(int visit, Reason reason) {
        return new Unassigned(visit, reason, List.of());
    }
}
