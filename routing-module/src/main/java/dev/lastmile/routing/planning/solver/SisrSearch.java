package dev.lastmile.routing.planning.solver;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One run of Slack Induction by String Removals (Christiaens &amp; Vanden Berghe, 2020) on a
 * fixed fleet, in up to three phases:
 * <ol>
 *   <li>Placement: while some customers fit in no vehicle, ruin-and-recreate is accepted when it
 *   leaves fewer customers out, or out customers that were out less often so far (the paper's
 *   fleet-minimisation criterion, applied to the given fleet limit).</li>
 *   <li>Fleet (only for {@link Objective#FEWEST_VEHICLES_THEN_COST}): empty the smallest route and
 *   place its customers on the other vehicles with the same criterion; repeat while that works,
 *   within {@link SolverSettings#fleetShare()} of the time left.</li>
 *   <li>Cost: simulated annealing over complete solutions only, with the temperature cooling
 *   geometrically over the remaining time. With fewest vehicles first, a plan never gets more
 *   vehicles than the best one, and one with fewer is always taken.</li>
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

    private final Plan.Snapshot best;

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
        this.best = plan.newSnapshot();
    }

    Solution run() {
        construct();
        if (p.customers.length > 0) {
            if (plan.absentCount > 0) placeAll(deadlineNanos);
            if (plan.absentCount == 0) {
                if (p.fewestVehicles) removeVehicles();
                minimiseCost();
            }
        }
        plan.restore(best);
        return plan.toSolution();
    }

    private boolean stopping(long deadline) {
        return System.nanoTime() >= deadline || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    private void construct() {
        plan.beginMove();
        int n = p.customers.length;
        System.arraycopy(p.customers, 0, moved, 0, n);
        plan.absentCount = insertion.recreate(plan, moved, n, rnd, plan.absent);
        plan.commit();
        record();
    }

    private void placeAll(long deadline) {
        while (plan.absentCount > 0 && !stopping(deadline)) {
            int before = plan.absentCount;
            long absenceBefore = absenceWeight();
            ruinAndRecreate();
            if ((plan.absentCount < before || absenceWeight() < absenceBefore) && plan.touchedFeasible()) {
                plan.commit();
                if (plan.absentCount < best.absentCount()) record();
            } else {
                plan.rollback();
            }
            for (int i = 0; i < plan.absentCount; i++) timesAbsent[plan.absent[i]]++;
        }
    }

    /** Takes vehicles away one at a time while the others can absorb their customers. */
    private void removeVehicles() {
        long now = System.nanoTime();
        long phaseEnd = now + (long) (settings.fleetShare() * (deadlineNanos - now));
        while (plan.nonEmptyTours() > 1 && !stopping(phaseEnd)) {
            plan.vehicleCap = plan.nonEmptyTours() - 1;
            plan.beginMove();
            plan.removeTour(smallestTour());
            plan.commit();
            placeAll(phaseEnd);
            if (plan.absentCount > 0) break;
            record();
        }
        plan.restore(best);
        plan.vehicleCap = best.vehicles;
    }

    private int smallestTour() {
        int smallest = -1;
        for (Tour t : plan.tours) {
            if (!t.isEmpty() && (smallest < 0 || t.size < plan.tours[smallest].size)) smallest = t.vehicle;
        }
        return smallest;
    }

    private void minimiseCost() {
        double current = plan.cost();
        int vehicles = plan.nonEmptyTours();
        double perCustomer = current / p.customers.length;
        if (!(perCustomer > 0)) perCustomer = 1; // free routes: any positive scale will do
        double t0 = settings.startTemperature() * perCustomer;
        double tEnd = settings.endTemperature() * perCustomer;
        long phaseStart = System.nanoTime();
        double span = Math.max(1, deadlineNanos - phaseStart);
        double ratio = Math.log(tEnd / t0);
        while (!stopping(deadlineNanos)) {
            double progress = (System.nanoTime() - phaseStart) / span;
            double temperature = t0 * Math.exp(ratio * progress);
            ruinAndRecreate();
            if (plan.absentCount > 0 || !plan.touchedFeasible()) {
                plan.rollback();
                continue;
            }
            double candidate = plan.cost();
            int candidateVehicles = p.fewestVehicles ? plan.nonEmptyTours() : vehicles;
            if (candidateVehicles < vehicles || candidate < current - temperature * Math.log(rnd.nextDouble())) {
                plan.commit();
                current = candidate;
                if (candidateVehicles < vehicles) {
                    vehicles = candidateVehicles;
                    plan.vehicleCap = vehicles;
                    record();
                } else if (candidate < best.cost - Tour.EPS) {
                    record();
                }
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
        plan.saveTo(best);
        listener.improved(new Progress(plan.distance(), best.vehicles, p.unservable.size() + plan.absentCount,
                Duration.ofNanos(System.nanoTime() - startNanos), best.cost, plan::toSolution));
    }
}
