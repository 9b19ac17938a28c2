package dev.lastmile.access.audit.boundary;

import dev.lastmile.access.audit.AuditQuery;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.audit.AuditEntry;
import dev.lastmile.model.problem.InvalidRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, for administrators and managers. */
@Stateless
@Path("audit")
@Tag(name = "Access", description = "Sign-in, accounts, audit trail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class AuditResource {

    @Inject
    AuditQuery query;

    public record EntryView(long seq, String at, String actorKind, String actor, String roles, String action,
                            String subjectType, String subjectIds, String detail, String clientAddress, String hash) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq(), e.at().toString(), e.actorKind(), e.actor(), e.roles(), e.action(),
                    e.subjectType(), e.subjectIds(), e.detail(), e.clientAddress(), e.hash());
        }
    }

    @GET
    @Operation(summary = "Audit entries, newest first", description = "Filters: actor (exact), action (prefix),"
            + " subjectType, subjectId (contained in the ids), from and to (ISO instants); paged by offset and limit (at most 500).")
    public List<EntryView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("offset") @DefaultValue("0") int offset,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new InvalidRequest("limit", "offset must be 0 or more and limit 1 to 500");
        }
        AuditQuery.Filter filter = new AuditQuery.Filter(blankToNull(actor), blankToNull(action), blankToNull(subjectType),
                blankToNull(subjectId), instant("from", from), instant("to", to));
        return query.page(filter, offset, limit).stream().map(EntryView::of).toList();
    }

    @GET
    @Path("verification")
    @Operation(summary = "Recompute the hash chain", description = "intact is false, with the first broken entry,"
            + " when a row was changed, removed or inserted out of order.")
    public AuditQuery.Verification verify() {
        return query.verify();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        }
    }
}
