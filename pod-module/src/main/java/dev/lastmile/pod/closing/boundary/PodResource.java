package dev.lastmile.pod.closing.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.proof.PodException;
import dev.lastmile.pod.closing.control.DayClose;
import dev.lastmile.pod.closing.control.Reconciliation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public record ExceptionView(long id, String kind, String trackingId, Long routeId, Long proofId, String detail,
                                String raisedAt) {
    }

    @Inject
    DayClose dayClose;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

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
    public List<ExceptionView> exceptions() {
        return em.createNamedQuery(PodException.OPEN, PodException.class).getResultList().stream()
                .filter(x -> x.parcel().depot() != null && caller.get().sees(x.parcel().depot().code()))
                .map(x -> new ExceptionView(x.id(), x.kind().name(), x.parcel().trackingId().value(), x.routeId(),
                        x.proofId(), x.detail(), x.raisedAt().toString()))
                .toList();
    }
}
