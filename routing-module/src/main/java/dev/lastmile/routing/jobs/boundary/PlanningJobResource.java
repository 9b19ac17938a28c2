package dev.lastmile.routing.jobs.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.problem.NotFound;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.planning.PlanningJob;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.routing.jobs.control.JobLedger;
import dev.lastmile.routing.jobs.control.PlanningJobs;
import dev.lastmile.routing.planning.boundary.RouteView;
import dev.lastmile.routing.planning.control.PlannedDay;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Planning in the background: start a job for a depot's day, follow its progress and its best plan so
 * far, cancel it, and publish its plan, which only then becomes the drivers' routes.
 */
@Stateless
@Path("planning-jobs")
@Tag(name = "Planning", description = "Routes of a depot's day")
@Produces(MediaType.APPLICATION_JSON)
public class PlanningJobResource {

    private static final Duration MAX_BUDGET = Duration.ofMinutes(10);

    @Inject
    PlanningJobs jobs;

    @EJB
    JobLedger ledger;

    @Inject
    CurrentCaller caller;

    /** A job of another depot is as unknown as one that never was. */
    private PlanningJob scoped(long id) {
        PlanningJob job = ledger.find(id);
        if (!caller.get().sees(job.depot().code())) {
            throw new NotFound("planning job", String.valueOf(id));
        }
        return job;
    }

    public record JobRequest(String depot, String date, Double budgetSeconds) {
    }

    public record JobView(long id, String depot, String date, String status, long budgetMs, long elapsedMs,
                          Integer vehicles, Double cost, Double distanceKm, Integer unassigned, String requestedAt,
                          String finishedAt, String error, PlannedDay plan) {

        static JobView of(PlanningJob job) {
            return new JobView(job.id(), job.depot().code(), job.day().toString(), job.status().name(), job.budgetMs(),
                    job.elapsedMs(), job.bestVehicles().orElse(null), job.bestCost().orElse(null),
                    job.bestDistanceKm().orElse(null), job.unassigned().orElse(null), job.requestedAt().toString(),
                    job.finishedAt().map(Object::toString).orElse(null), job.error().orElse(null), JobLedger.planOf(job));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Start planning a depot's day", description = "202 with the job; GET it for status, progress"
            + " (elapsed, vehicles, cost, distance of the best plan so far) and that plan. budgetSeconds: 1 to 600, default 10.")
    public Response start(JobRequest request, @Context UriInfo uri) {
        Violations.body(request);
        Violations violations = new Violations().require("depot", request.depot()).require("date", request.date());
        LocalDate day = request.date() == null ? null : violations.attempt("date", () -> LocalDate.parse(request.date()));
        double seconds = request.budgetSeconds() == null ? 10 : request.budgetSeconds();
        violations.check(seconds >= 1 && seconds <= MAX_BUDGET.toSeconds(), "budgetSeconds", "must be 1 to 600");
        violations.throwIfAny();
        caller.get().requireDepot(request.depot());
        long id = jobs.start(request.depot(), day, Duration.ofMillis(Math.round(seconds * 1000)));
        return Response.accepted(JobView.of(ledger.find(id)))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.MANAGER})
    @Operation(summary = "A planning job: status, progress and the best plan so far")
    public JobView read(@PathParam("id") long id) {
        return JobView.of(scoped(id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Cancel a running job; it keeps the best plan found so far, which may still be published")
    public JobView cancel(@PathParam("id") long id) {
        scoped(id);
        return JobView.of(jobs.cancel(id));
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER})
    @Operation(summary = "Publish the job's plan: its routes become the drivers' manifests", description = "409 when the"
            + " job has not finished, was published already, or a parcel of the plan changed meanwhile.")
    public List<RouteView> publish(@PathParam("id") long id) {
        scoped(id);
        return jobs.publish(id).stream().map(RouteView::of).toList();
    }
}
