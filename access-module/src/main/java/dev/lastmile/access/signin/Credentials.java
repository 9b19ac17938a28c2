package dev.lastmile.access.signin;

import dev.lastmile.model.partner.PartnersByCredential;
import dev.lastmile.access.token.TokenClaims;
import dev.lastmile.access.token.Tokens;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.Role;
import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.NotAuthenticated;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.model.shipper.ShippersByKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/**
 * Recognises each kind of credential the API accepts and says who stands behind it. A credential
 * that is present but wrong is refused here; callers without any credential stay anonymous.
 */
@ApplicationScoped
public class Credentials {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Tokens tokens;

    /** A bearer token this installation signed, still within its lifetime, of an account that was not revoked since. */
    public Caller bearer(String token) {
        TokenClaims claims = tokens.verify(token)
                .orElseThrow(() -> new NotAuthenticated("The bearer token is invalid or expired: get a new one at /api/auth/token."));
        stillValid(claims.caller(), claims.epoch());
        return claims.caller();
    }

    /** Sessions and tokens end when the account is locked, disabled, or its tokens revoked (the epoch moves on). */
    public void stillValid(Caller caller, int epoch) {
        boolean valid = switch (caller.kind()) {
            case STAFF -> {
                StaffAccount account = em.find(StaffAccount.class, caller.accountId());
                yield account != null && account.maySignIn() && account.tokenEpoch() == epoch;
            }
            case PARTNER -> {
                Partner partner = em.find(Partner.class, caller.accountId());
                yield partner != null && partner.active() && partner.tokenEpoch() == epoch;
            }
            default -> false;
        };
        if (!valid) {
            throw new NotAuthenticated("The sign-in has ended (revoked, locked or disabled): sign in again.");
        }
    }

    /** A handheld's device token: the driver's handheld, scoped to the driver's depot. */
    public Caller device(String token) {
        HandheldDevice device = em.createNamedQuery(HandheldDevice.BY_TOKEN_HASH, HandheldDevice.class)
                .setParameter("hash", sha256(token)).setParameter("now", Instant.now())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotAuthenticated("The handheld token is unknown, expired or revoked."));
        String depot = device.driver().depot() == null ? "" : device.driver().depot().code();
        return new Caller(CallerKind.DEVICE, "device-" + device.id(), device.id(), Set.of(Role.DRIVER),
                depot.isEmpty() ? Set.of() : Set.of(depot), false);
    }

    public Caller shipper(String apiKey) {
        Shipper shipper = ShippersByKey.find(em, apiKey);
        return shipper.asCaller();
    }

    /** A partner's client id (its code) and secret, as sent with HTTP Basic or to the token endpoint. */
    public Partner partner(String code, String secret) {
        return PartnersByCredential.find(em, code, secret);
    }

    public static String sha256(String text) {
        return Shipper.hash(text);
    }
}
