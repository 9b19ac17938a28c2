package dev.lastmile.web.security;

import dev.lastmile.access.audit.AuditTrail;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.audit.ChangeReason;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every change a person, partner or shipper makes through the REST API goes into the audit trail,
 * whatever module served it: who, in which roles, the operation, and the ids in its path (and of what
 * it created). New operations are audited without anyone remembering to. Handheld scans are proof
 * records of their own and are not repeated here; sign-in is audited where it happens.
 */
@Provider
public class ChangeAudit implements ContainerResponseFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<CallerKind> AUDITED = Set.of(CallerKind.STAFF, CallerKind.PARTNER, CallerKind.SHIPPER);

    @Context
    HttpServletRequest request;


    @Override
    public void filter(ContainerRequestContext in, ContainerResponseContext out) {
        if (SAFE.contains(in.getMethod()) || out.getStatus() >= 400) {
            return;
        }
        Object attribute = request.getAttribute(CurrentCaller.ATTRIBUTE);
        if (!(attribute instanceof Caller caller) || !AUDITED.contains(caller.kind())) {
            return;
        }
        String path = in.getUriInfo().getPath();
        String subjectType = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        CDI.current().select(AuditTrail.class).get().recordSeparately(caller, request.getRemoteAddr(), in.getMethod() + " /api/" + path, subjectType,
                ids(in.getUriInfo().getPathParameters(), out.getLocation()), outcome(out.getStatus()));
    }

    /** The HTTP status, and the reason the person gave where the operation asks for one. */
    private static String outcome(int status) {
        String reason = CDI.current().select(ChangeReason.class).get().given();
        return reason == null ? "HTTP " + status : "HTTP " + status + ": " + reason;
    }

    private static String ids(MultivaluedMap<String, String> pathParameters, URI created) {
        List<String> ids = new ArrayList<>();
        pathParameters.forEach((name, values) -> values.forEach(value -> ids.add(name + "=" + value)));
        if (created != null) {
            String location = created.getPath();
            ids.add("created=" + location.substring(location.lastIndexOf('/') + 1));
        }
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }
}
