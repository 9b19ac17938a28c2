package dev.lastmile.pod.closing.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.audit.ChangeReason;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.proof.PodException;
import dev.lastmile.pod.closing.control.DayClose;
import dev.lastmile.pod.closing.control.Reconciliation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff review: route reconciliations and the deliveries that need a look. */
@Stateless
@Path("pod")
@Tag(name = "Proof of delivery", description = "Reconciliations and exceptions for staff")
@Produces(MediaType.APPLICATION_JSON)
public class PodResource {

    /** One exception with its evidence: the proof id (for the ePOD certificate) where there is one. */
    public record ExceptionView(long id, String kind, String trackingId, String depot, Long routeId, Long proofId,
                                String detail, String raisedAt, String resolution, String note, String reviewedBy,
                                String reviewedAt) {
        static ExceptionView of(PodException x) {
            return new ExceptionView(x.id(), x.kind().name(), x.parcel().trackingId().value(),
                    x.parcel().depot() == null ? null : x.parcel().depot().code(), x.routeId(), x.proofId(), x.detail(),
                    x.raisedAt().toString(), x.resolution().map(Enum::name).orElse(null), x.reviewNote().orElse(null),
                    x.reviewedBy().orElse(null), x.resolvedAt().map(Object::toString).orElse(null));
        }
    }

    /** ACCEPTED: the delivery stands; REJECTED: it is disputed and followed up. The comment is required. */
    public record Review(String decision, String comment) {
    }

    @Inject
    DayClose dayClose;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    ChangeReason reason;

    @GET
    @Path("routes/{routeId}/reconciliation")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.DISPATCHER, Roles.MANAGER})
    @Operation(summary = "Reconciliation of a route", description = "Open routes list undelivered parcels as outstanding;"
            + " closed routes as missing.")
    public Reconciliation reconciliation(@PathParam("routeId") long routeId) {
        return dayClose.reconcile(routeId, caller.get());
    }

    @GET
    @Path("exceptions")
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF, Roles.MANAGER})
    @Operation(summary = "Open exceptions of your depots for staff review")
    public List<ExceptionView> exceptions(@QueryParam("depot") String depot) {
        return em.createNamedQuery(PodException.OPEN, PodException.class).getResultList().stream()
                .filter(x -> x.parcel().depot() != null && caller.get().sees(x.parcel().depot().code()))
                .filter(x -> depot == null || depot.isBlank() || depot.equals(x.parcel().depot().code()))
                .map(ExceptionView::of)
                .toList();
    }

    @POST
    @Path("exceptions/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.DEPOT_STAFF})
    @Operation(summary = "Accept or reject an exception, with a comment", description = "The exception leaves the open"
            + " list; the decision and comment are kept with it and in the audit trail. 409 if it was reviewed already.")
    public ExceptionView review(@PathParam("id") long id, Review review) {
        Violations.body(review);
        Violations violations = new Violations().require("decision", review.decision())
                .require("comment", review.comment() == null || review.comment().isBlank() ? null : review.comment())
                .check(review.comment() == null || review.comment().length() <= 400, "comment", "at most 400 characters");
        violations.throwIfAny();
        PodException.Resolution decision = violations.attempt("decision",
                () -> PodException.Resolution.valueOf(review.decision()));
        violations.throwIfAny();
        PodException exception = em.find(PodException.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (exception == null || exception.parcel().depot() == null
                || !caller.get().sees(exception.parcel().depot().code())) {
            throw new NotFound("exception", String.valueOf(id));
        }
        exception.review(decision, review.comment().strip(), caller.get().name(), Instant.now());
        reason.give(decision.name().toLowerCase() + ": " + review.comment());
        return ExceptionView.of(exception);
    }
}
