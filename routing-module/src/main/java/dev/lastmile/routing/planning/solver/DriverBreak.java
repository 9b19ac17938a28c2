package dev.lastmile.routing.planning.solver;

/**
 * A break the driver must take during the route, for example 30 minutes starting between 11:30 and
 * 14:00. Times are in the travel matrix's time unit.
 *
 * <p>The solver does not choose where the break goes; one rule places it, so that a sequence of
 * stops has exactly one schedule and feasibility checks stay exact. The driver takes the break at
 * the first moment at or after {@code earliestStart} when they are neither driving nor serving:
 * <ul>
 *   <li>if the window opens while they wait for a slot to open, at {@code earliestStart};</li>
 *   <li>if it opens during a drive, on arrival, before serving that stop (the return to the
 *   depot counts as a stop; so does the depot before leaving, if the route starts that late);</li>
 *   <li>if it opens during service, right after that service.</li>
 * </ul>
 * Everything after the break happens {@code duration} later, except that waiting for a slot
 * absorbs the delay. The break must start by {@code latestStart}. A route back at the depot before
 * the window opens needs no break.
 */
public record DriverBreak(double earliestStart, double latestStart, double duration) {

    public DriverBreak {
        if (!(earliestStart <= latestStart) || Double.isInfinite(earliestStart) || Double.isInfinite(latestStart)) {
            throw new IllegalArgumentException("break window must be finite and not empty: [" + earliestStart + ", "
                    + latestStart + "]");
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("break duration must be finite and > 0: " + duration);
        }
    }
}
