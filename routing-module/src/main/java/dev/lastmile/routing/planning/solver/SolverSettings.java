package dev.lastmile.routing.planning.solver;

/**
 * Tuning knobs of the SISR search. {@link #DEFAULT} is what the benchmark uses.
 *
 * @param averageRemoved   average number of customers removed per ruin (c-bar)
 * @param maxStringLength  longest string removed from one tour (L-max)
 * @param splitRate        probability of the split-string variant (alpha)
 * @param splitDepth       probability of preserving one more customer in a split string (beta)
 * @param blinkRate        probability of skipping a candidate insertion position
 * @param startTemperature annealing temperature at the start, as a fraction of the average
 *                         cost per customer of the first complete solution
 * @param endTemperature   same, at the end of the budget
 * @param fleetShare       with {@link Objective#FEWEST_VEHICLES_THEN_COST}: the share of the time left
 *                         after the first complete solution spent on removing vehicles
 */
public record SolverSettings(double averageRemoved, int maxStringLength, double splitRate, double splitDepth,
                             double blinkRate, double startTemperature, double endTemperature, double fleetShare) {

    public static final SolverSettings DEFAULT = new SolverSettings(10, 10, 0.5, 0.01, 0.01, 1.0, 0.01, 0.5);

    public SolverSettings {
        if (averageRemoved < 1 || maxStringLength < 1) throw new IllegalArgumentException("ruin size must be >= 1");
        if (startTemperature < endTemperature || endTemperature <= 0) {
            throw new IllegalArgumentException("need startTemperature >= endTemperature > 0");
        }
        if (!(fleetShare >= 0 && fleetShare <= 1)) throw new IllegalArgumentException("fleet share must be in [0, 1]");
    }

    public SolverSettings withTemperatures(double start, double end) {
        return new SolverSettings(averageRemoved, maxStringLength, splitRate, splitDepth, blinkRate, start, end, fleetShare);
    }

    public SolverSettings withAverageRemoved(double value) {
        return new SolverSettings(value, maxStringLength, splitRate, splitDepth, blinkRate, startTemperature,
                endTemperature, fleetShare);
    }

    public SolverSettings withFleetShare(double share) {
        return new SolverSettings(averageRemoved, maxStringLength, splitRate, splitDepth, blinkRate, startTemperature,
                endTemperature, share);
    }
}
