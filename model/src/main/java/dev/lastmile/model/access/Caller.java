package dev.lastmile.model.access;

import dev.lastmile.model.problem.NotFound;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the sign-in established it: kept in the request (and the browser's session), so
 * every module can scope what it shows without asking the database again.
 *
 * @param name     the account's user name, the partner or shipper code, or the device id
 * @param accountId the row behind the credential (staff account, partner, shipper or device)
 * @param depots   depot codes a staff member works for; ignored when {@code allDepots}
 */
public record Caller(CallerKind kind, String name, long accountId, Set<Role> roles, Set<String> depots,
                     boolean allDepots) implements Serializable {

    public static final Caller ANONYMOUS = new Caller(CallerKind.ANONYMOUS, "anonymous", 0, Set.of(), Set.of(), false);

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        depots = Set.copyOf(depots);
    }

    public boolean isAnonymous() {
        return kind == CallerKind.ANONYMOUS;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean sees(String depotCode) {
        return allDepots || depots.contains(depotCode);
    }

    /**
     * Staff of another depot learn nothing about it, not even that it exists: the same 404 as an unknown
     * depot. Callers that are not staff (shippers, partners, handhelds) are scoped by their own rules.
     */
    public void requireDepot(String depotCode) {
        if (kind == CallerKind.STAFF && !sees(depotCode)) {
            throw new NotFound("depot", depotCode);
        }
    }

    public Set<String> groups() {
        return roles.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** One word for the audit trail: the roles the caller acted with. */
    public String roleList() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
