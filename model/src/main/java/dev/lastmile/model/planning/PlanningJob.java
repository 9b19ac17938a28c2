package dev.lastmile.model.planning;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.problem.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One run of the planner for a depot's day. It runs in the background; its best plan so far is kept
 * as JSON and can be read while it runs. Nothing reaches the drivers until the plan is published.
 */
@Entity
@Table(name = "planning_job")
public class PlanningJob {

    public enum Status { QUEUED, RUNNING, DONE, CANCELLED, FAILED, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "depot_id")
    private Depot depot;

    @Column(name = "plan_day", nullable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "budget_ms", nullable = false)
    private long budgetMs;

    @Column(name = "elapsed_ms", nullable = false)
    private long elapsedMs;

    @Column(name = "best_vehicles")
    private Integer bestVehicles;

    @Column(name = "best_cost")
    private Double bestCost;

    @Column(name = "best_distance_km")
    private Double bestDistanceKm;

    private Integer unassigned;

    /** The best plan so far (JSON), as the job's views and publishing read it. */
    private String result;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(length = 500)
    private String error;

    @Version
    private long version;

    protected PlanningJob() {
    }

    public PlanningJob(Depot depot, LocalDate day, long budgetMs, Instant requestedAt) {
        this.depot = depot;
        this.day = day;
        this.budgetMs = budgetMs;
        this.requestedAt = requestedAt;
        this.status = Status.QUEUED;
    }

    public void running() {
        if (status == Status.QUEUED) {
            status = Status.RUNNING;
        }
    }

    /** A better plan was found: keep it, so readers see it while the search goes on. */
    public void improved(int vehicles, double cost, double distanceKm, int unassigned, String planJson, long elapsedMs) {
        this.bestVehicles = vehicles;
        this.bestCost = cost;
        this.bestDistanceKm = distanceKm;
        this.unassigned = unassigned;
        this.result = planJson;
        this.elapsedMs = elapsedMs;
    }

    public void finished(Status outcome, long elapsedMs, Instant at) {
        if (status == Status.RUNNING || status == Status.QUEUED) {
            status = outcome;
        }
        this.elapsedMs = elapsedMs;
        this.finishedAt = at;
    }

    public void failed(String error, Instant at) {
        if (status != Status.CANCELLED) {
            status = Status.FAILED;
        }
        this.error = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        finishedAt = at;
    }

    public void cancel() {
        if (status != Status.QUEUED && status != Status.RUNNING) {
            throw new RuleViolation("job-not-running", "Planning job not running",
                    "Planning job " + id + " is " + status + "; only a queued or running job can be cancelled.");
        }
        status = Status.CANCELLED;
    }

    public void publish(Instant at) {
        if (status != Status.DONE && status != Status.CANCELLED) {
            throw new RuleViolation("job-not-publishable", "Plan cannot be published",
                    "Planning job " + id + " is " + status + "; publish a finished (or cancelled) job's plan.");
        }
        if (result == null) {
            throw new RuleViolation("job-without-plan", "No plan to publish", "Planning job " + id + " found no plan.");
        }
        status = Status.PUBLISHED;
        publishedAt = at;
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    public Long id() {
        return id;
    }

    public Depot depot() {
        return depot;
    }

    public LocalDate day() {
        return day;
    }

    public Status status() {
        return status;
    }

    public long budgetMs() {
        return budgetMs;
    }

    public long elapsedMs() {
        return elapsedMs;
    }

    public Optional<Integer> bestVehicles() {
        return Optional.ofNullable(bestVehicles);
    }

    public Optional<Double> bestCost() {
        return Optional.ofNullable(bestCost);
    }

    public Optional<Double> bestDistanceKm() {
        return Optional.ofNullable(bestDistanceKm);
    }

    public Optional<Integer> unassigned() {
        return Optional.ofNullable(unassigned);
    }

    public Optional<String> result() {
        return Optional.ofNullable(result);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }
}
