package dev.lastmile.routing.jobs.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.planning.PlanningJob;
import dev.lastmile.model.route.Route;
import dev.lastmile.routing.fleet.control.Fleet;
import dev.lastmile.routing.planning.control.DayInput;
import dev.lastmile.routing.planning.control.DayPlanning;
import dev.lastmile.routing.planning.control.PlannedDay;
import dev.lastmile.routing.planning.control.Publisher;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts planning jobs in the background (the server's managed executor), follows their progress
 * into the job record, cancels and publishes them.
 */
@ApplicationScoped
public class PlanningJobs {

    private static final Logger LOG = Logger.getLogger(PlanningJobs.class.getName());
    /** Progress reaches the database at most this often: readers poll, the solver must not wait on them. */
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    @Resource
    ManagedExecutorService executor;

    @EJB
    JobLedger ledger;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Fleet fleet;

    @Inject
    DayPlanning planning;

    @Inject
    Publisher publisher;

    public long start(String depotCode, LocalDate day, Duration budget) {
        Depot depot = fleet.depot(depotCode);
        long jobId = ledger.open(depot, day, budget.toMillis());
        executor.submit(() -> run(jobId, depot, budget));
        return jobId;
    }

    private void run(long jobId, Depot depot, Duration budget) {
        long started = System.nanoTime();
        try {
            DayInput input = ledger.input(jobId, planning.departureTime());
            long[] lastSaved = {0};
            PlannedDay plan = planning.planner(depot, budget).plan(input, best -> {
                long now = System.nanoTime();
                if (now - lastSaved[0] >= PROGRESS_EVERY.toNanos()) {
                    lastSaved[0] = now;
                    try {
                        ledger.improved(jobId, best, elapsedMs(started));
                    } catch (RuntimeException progressLost) {
                        // Progress is a courtesy to readers: the search goes on, the final plan is saved at the end.
                        LOG.log(Level.FINE, "progress of job " + jobId + " not saved", progressLost);
                    }
                }
            }, everyQuarterSecond(() -> ledger.cancelled(jobId)));
            ledger.finished(jobId, plan, elapsedMs(started));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "planning job " + jobId + " failed", e);
            ledger.failed(jobId, e);
        }
    }

    public PlanningJob cancel(long jobId) {
        ledger.cancel(jobId);
        return ledger.find(jobId);
    }

    /** The job's plan becomes the drivers' routes; the job remembers when. */
    public List<Route> publish(long jobId) {
        PlanningJob job = em.find(PlanningJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new dev.lastmile.model.problem.NotFound("planning job", String.valueOf(jobId));
        }
        job.publish(Instant.now());
        return publisher.publish(job.depot(), job.day(), JobLedger.planOf(job), job.id());
    }

    /** The solver asks whether to stop at every iteration; the database is asked four times a second. */
    private static BooleanSupplier everyQuarterSecond(BooleanSupplier check) {
        long[] next = {0};
        boolean[] answer = {false};
        return () -> {
            long now = System.nanoTime();
            if (!answer[0] && now >= next[0]) {
                next[0] = now + 250_000_000L;
                answer[0] = check.getAsBoolean();
            }
            return answer[0];
        };
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
