package dev.lastmile.routing.planning.solver;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Solves rich VRPTW problems: serves every customer it can within each vehicle's capacity (in
 * every dimension, collections included), the time windows, shifts, depot hours, breaks and
 * ranges, and minimises the {@link Problem#objective()}. Single-threaded; one instance may be
 * reused for many problems, also concurrently.
 *
 * <p>The search stops at the time budget, when {@code cancelRequested} returns true, or when
 * the calling thread is interrupted, and then returns the best solution found so far. If no
 * complete solution was found the result lists the customers it could not place, with the reason.
 */
public final class Solver {

    private final SolverSettings settings;

    public Solver() {
        this(SolverSettings.DEFAULT);
    }

    public Solver(SolverSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public Solution solve(Problem problem, Duration budget, long seed) {
        return solve(problem, budget, seed, ProgressListener.NONE, () -> false);
    }

    public Solution solve(Problem problem, Duration budget, long seed, ProgressListener listener) {
        return solve(problem, budget, seed, listener, () -> false);
    }

    public Solution solve(Problem problem, Duration budget, long seed, ProgressListener listener,
                          BooleanSupplier cancelRequested) {
        long start = System.nanoTime();
        if (problem.customers().isEmpty()) return new Solution(List.of(), List.of(), 0, 0);
        FlatProblem flat = new FlatProblem(problem);
        long deadline = start + budget.toNanos();
        return new SisrSearch(flat, settings, seed, start, deadline, listener, cancelRequested).run();
    }
}
