package dev.lastmile.access.token;

import dev.lastmile.model.access.Caller;
import java.time.Instant;

/** What a verified bearer token says: the caller it was issued to, the account's epoch then, and its expiry. */
public record TokenClaims(Caller caller, int epoch, Instant expiresAt, String tokenId) {
}
