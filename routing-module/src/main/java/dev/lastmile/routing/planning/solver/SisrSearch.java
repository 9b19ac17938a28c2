package dev.lastmile.routing.planning.solver;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One run of Slack Induction by String Removals (Christiaens &amp; Vanden Berghe, 2020) on a
 * fixed fleet, in two phases:
 * <ol>
 *   <li>Placement: while some customers fit in no vehicle, ruin-and-recreate is accepted when it
 *   leaves fewer customers out, or out customers that were out less often so far (the paper's
 *   fleet-minimisation criterion, applied to the given fleet limit).</li>
 *   <li>Distance: simulated annealing over complete solutions only, with the temperature
 *   cooling geometrically over the remaining time.</li>
 * </ol>
 */
final class SisrSearch {
    private final FlatProblem p;
    private final SolverSettings settings;
    private final SplittableRandom rnd;
    private final Plan plan;
    private final StringRemoval removal;
    private final BlinkInsertion insertion;
    private final int[] moved;
    private final int[] unplaced;
    private final long[] timesAbsent;

    private final long startNanos;
    private final long deadlineNanos;
    private final ProgressListener listener;
    private final BooleanSupplier cancelled;

    private Solution best;
    private int fewestAbsent;

    SisrSearch(FlatProblem p, SolverSettings settings, long seed, long startNanos, long deadlineNanos,
               ProgressListener listener, BooleanSupplier cancelled) {
        this.p = p;
        this.settings = settings;
        this.rnd = new SplittableRandom(seed);
        this.plan = new Plan(p);
        this.removal = new StringRemoval(settings, p.vehicles);
        this.insertion = new BlinkInsertion(settings, p);
        int n = p.customers.length;
        this.moved = new int[n];
        this.unplaced = new int[n];
        this.timesAbsent = new long[p.size];
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    Solution run() {
        construct();
        if (p.customers.length == 0) return best;
        if (plan.absentCount > 0) placeAll();
        if (plan.absentCount == 0) minimiseDistance();
        return best;
    }

    private boolean stopping() {
        return System.nanoTime() >= deadlineNanos || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    private void construct() {
        plan.beginMove();
        int n = p.customers.length;
        System.arraycopy(p.customers, 0, moved, 0, n);
        plan.absentCount = insertion.recreate(plan, moved, n, rnd, plan.absent);
        plan.commit();
        fewestAbsent = plan.absentCount;
        record();
    }

    private void placeAll() {
        while (plan.absentCount > 0 && !stopping()) {
            int before = plan.absentCount;
            long absenceBefore = absenceWeight();
            ruinAndRecreate();
            if (plan.absentCount < before || absenceWeight() < absenceBefore) {
                plan.commit();
                if (plan.absentCount < fewestAbsent) {
                    fewestAbsent = plan.absentCount;
                    record();
                }
            } else {
                plan.rollback();
            }
            for (int i = 0; i < plan.absentCount; i++) timesAbsent[plan.absent[i]]++;
        }
    }

    private void minimiseDistance() {
        double current = plan.distance();
        double perCustomer = current / p.customers.length;
        double t0 = settings.startTemperature() * perCustomer;
        double tEnd = settings.endTemperature() * perCustomer;
        long phaseStart = System.nanoTime();
        double span = Math.max(1, deadlineNanos - phaseStart);
        double ratio = Math.log(tEnd / t0);
        while (!stopping()) {
            double progress = (System.nanoTime() - phaseStart) / span;
            double temperature = t0 * Math.exp(ratio * progress);
            ruinAndRecreate();
            if (plan.absentCount > 0) {
                plan.rollback();
                continue;
            }
            double candidate = plan.distance();
            if (candidate < current - temperature * Math.log(rnd.nextDouble())) {
                plan.commit();
                current = candidate;
                if (candidate < best.totalDistance() - Tour.EPS) record();
            } else {
                plan.rollback();
            }
        }
    }

    /** Ruins the current plan and re-inserts everything removed plus everything still absent. */
    private void ruinAndRecreate() {
        plan.beginMove();
        int count = removal.ruin(plan, rnd, moved);
        System.arraycopy(plan.absent, 0, moved, count, plan.absentCount);
        count += plan.absentCount;
        plan.absentCount = insertion.recreate(plan, moved, count, rnd, unplaced);
        System.arraycopy(unplaced, 0, plan.absent, 0, plan.absentCount);
    }

    private long absenceWeight() {
        long sum = 0;
        for (int i = 0; i < plan.absentCount; i++) sum += timesAbsent[plan.absent[i]];
        return sum;
    }

    private void record() {
        best = plan.toSolution();
        listener.improved(new Progress(best.totalDistance(), best.vehiclesUsed(), best.unassigned().size(),
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
