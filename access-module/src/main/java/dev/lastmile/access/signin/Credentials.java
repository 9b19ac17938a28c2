package dev.lastmile.access.signin;

import dev.lastmile.model.access.Credential;
import dev.lastmile.access.AccessSettings;
import dev.lastmile.model.event.CredentialsChanged;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    @Inject
    AccessSettings settings;

    /**
     * What the last look at an account said (its epoch, or -1 when it may not sign in), for a few seconds: every
     * request with a token would otherwise read the account's row. A change on this instance forgets it at once
     * ({@link CredentialsChanged}); other instances see it within {@code lastmile.tokens.revocation-check}.
     */
    private final Map<String, Standing> standings = new ConcurrentHashMap<>();

    private record Standing(int epoch, long checkedAtNanos) {
    }

    /** A bearer token this installation signed, still within its lifetime, of an account that was not revoked since. */
    public Caller bearer(String token) {
        TokenClaims claims = tokens.verify(token)
                .orElseThrow(() -> new NotAuthenticated("The bearer token is invalid or expired: get a new one at /api/auth/token."));
        stillValid(claims.caller(), claims.epoch());
        return claims.caller();
    }

    /** Sessions and tokens end when the account is locked, disabled, or its tokens revoked (the epoch moves on). */
    public void stillValid(Caller caller, int epoch) {
        if (currentEpoch(caller) != epoch) {
            throw new NotAuthenticated("The sign-in has ended (revoked, locked or disabled): sign in again.");
        }
    }

    /** The account's token epoch, or -1 when it may not sign in (locked, disabled, gone). */
    private int currentEpoch(Caller caller) {
        String key = caller.kind() + ":" + caller.accountId();
        Standing known = standings.get(key);
        long now = System.nanoTime();
        if (known != null && now - known.checkedAtNanos() < settings.revocationCheck().toNanos()) {
            return known.epoch();
        }
        int epoch = switch (caller.kind()) {
            case STAFF -> {
                StaffAccount account = em.find(StaffAccount.class, caller.accountId());
                yield account != null && account.maySignIn() ? account.tokenEpoch() : -1;
            }
            case PARTNER -> {
                Partner partner = em.find(Partner.class, caller.accountId());
                yield partner != null && partner.active() ? partner.tokenEpoch() : -1;
            }
            default -> -1;
        };
        standings.put(key, new Standing(epoch, now));
        return epoch;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) CredentialsChanged changed) {
        standings.remove(changed.kind() + ":" + changed.accountId());
    }

    /** A handheld's device token: the driver's handheld, scoped to the driver's depot. */
    public Caller device(String token) {
        HandheldDevice device = em.createNamedQuery(HandheldDevice.BY_TOKEN_HASH, HandheldDevice.class)
                .setParameter("hash", Credential.hashOf(token)).setParameter("now", Instant.now())
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

    public Partner partnerByBasic(String encoded) {
        return PartnersByCredential.fromBasic(em, encoded);
    }
}
