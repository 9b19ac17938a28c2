package dev.lastmile.model.event;

import dev.lastmile.model.access.CallerKind;

/**
 * An account's standing changed (revoked tokens, lock, disable, new roles, a new secret): whoever keeps what
 * it knew about the account forgets it once the change has committed.
 */
public record CredentialsChanged(CallerKind kind, long accountId) {
}
