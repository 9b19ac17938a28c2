package dev.lastmile.routing.jobs.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.planning.PlanningJob;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.route.Route;
import dev.lastmile.routing.planning.control.DayInput;
import dev.lastmile.routing.planning.control.DayInputs;
import dev.lastmile.routing.planning.control.PlannedDay;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

/**
 * The planning job's record, written in short transactions of their own while the job runs in the
 * background: progress and the best plan so far become visible to readers at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLedger {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    DayInputs inputs;

    public long open(Depot depot, LocalDate day, long budgetMs) {
        PlanningJob job = new PlanningJob(em.find(Depot.class, depot.id()), day, budgetMs, Instant.now());
        em.persist(job);
        em.flush();
        return job.id();
    }

    /** What the job plans: the parcels due that are on no route yet, and the crews not out already. */
    public DayInput input(long jobId, LocalTime departure) {
        PlanningJob job = locked(jobId);
        job.running();
        Set<Long> busyVehicles = new HashSet<>();
        Set<Long> busyDrivers = new HashSet<>();
        for (Route route : em.createNamedQuery(Route.OF_DAY, Route.class).setParameter("depot", job.depot())
                .setParameter("day", job.day()).getResultList()) {
            if (!route.withdrawn()) {
                busyVehicles.add(route.vehicle().id());
            }
            if (route.driver() != null) {
                busyDrivers.add(route.driver().id());
            }
        }
        return inputs.of(job.depot(), job.day(), busyVehicles, busyDrivers, job.day().atTime(departure));
    }

    public void improved(long jobId, PlannedDay plan, long elapsedMs) {
        PlanningJob job = locked(jobId);
        if (job.status() == PlanningJob.Status.RUNNING) {
            job.improved(plan.totals().vehicles(), plan.totals().cost(), plan.totals().distanceKm(), plan.unassigned().size(),
                    JSON.toJson(plan), elapsedMs);
        }
    }

    /** A cancelled job keeps the best plan it had; it may still be published. */
    public void finished(long jobId, PlannedDay plan, long elapsedMs) {
        PlanningJob job = locked(jobId);
        job.improved(plan.totals().vehicles(), plan.totals().cost(), plan.totals().distanceKm(), plan.unassigned().size(),
                JSON.toJson(plan), elapsedMs);
        job.finished(PlanningJob.Status.DONE, elapsedMs, Instant.now());
    }

    public void failed(long jobId, Throwable error) {
        locked(jobId).failed(error.getClass().getSimpleName() + ": " + error.getMessage(), Instant.now());
    }

    public void cancel(long jobId) {
        locked(jobId).cancel();
    }

    /**
     * Every write reads the job under a row lock: the running job and a dispatcher's cancel or publish
     * then take turns instead of failing each other's optimistic version check.
     */
    private PlanningJob locked(long jobId) {
        PlanningJob job = em.find(PlanningJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new NotFound("planning job", String.valueOf(jobId));
        }
        return job;
    }

    /** Read as a value, not an entity: outside a transaction there is nothing to refresh. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean cancelled(long jobId) {
        return em.createQuery("SELECT j.status FROM PlanningJob j WHERE j.id = :id", PlanningJob.Status.class)
                .setParameter("id", jobId).getResultList().stream().anyMatch(PlanningJob.Status.CANCELLED::equals);
    }

    public PlanningJob find(long jobId) {
        PlanningJob job = em.find(PlanningJob.class, jobId);
        if (job == null) {
            throw new NotFound("planning job", String.valueOf(jobId));
        }
        return job;
    }

    public static PlannedDay planOf(PlanningJob job) {
        return job.result().map(json -> JSON.fromJson(json, PlannedDay.class)).orElse(null);
    }
}
