package dev.lastmile.routing.planning.solver;

/** Called on the solving thread each time the best solution improves; keep it cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void improved(Progress progress);
}
