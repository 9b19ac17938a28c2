package dev.lastmile.orders.shipper.control;

import jakarta.persistence.LockModeType;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.shipper.ShipperApiKey;
import java.util.List;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.shipper.Shipper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;

/** Opens shipper accounts, rotates and revokes their API keys, and manages their webhooks. */
@ApplicationScoped
public class ShipperAccounts {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public record Opened(Shipper shipper, String apiKey) {
    }

    public Opened open(String code, String name) {
        Violations violations = new Violations();
        violations.require("code", code).require("name", name);
        violations.check(code == null || code.matches("[A-Z0-9-]{2,16}"), "code", "must be 2 to 16 of A-Z, 0-9 and -");
        violations.check(name == null || name.length() <= 120, "name", "must be at most 120 characters");
        violations.throwIfAny();
        if (!em.createNamedQuery(Shipper.BY_CODE, Shipper.class).setParameter("code", code).getResultList().isEmpty()) {
            throw new RuleViolation("shipper-exists", "Shipper exists", "A shipper with code " + code + " exists.");
        }
        Shipper shipper = new Shipper(code, name.trim(), Instant.now());
        em.persist(shipper);
        return new Opened(shipper, newKey(shipper).apiKey());
    }

    public record IssuedKey(ShipperApiKey key, String apiKey) {
    }

    /**
     * A second live key for a rotation: deploy it, then revoke the old one. A third is refused, so a
     * forgotten old key cannot linger.
     */
    public IssuedKey rotate(Shipper shipper) {
        // One rotation at a time per shipper, so two at once cannot make three live keys.
        em.lock(em.merge(shipper), LockModeType.PESSIMISTIC_WRITE);
        long live = keys(shipper).stream().filter(ShipperApiKey::live).count();
        if (live >= ShipperApiKey.MAX_LIVE) {
            throw new RuleViolation("too-many-keys", "Two keys are live", "Revoke the old key before issuing another:"
                    + " a shipper holds at most " + ShipperApiKey.MAX_LIVE + " live keys while it rotates.");
        }
        return newKey(shipper);
    }

    /** After a leak: every live key ends (also one the holder of a leaked key may have issued) and one new key is issued. */
    public IssuedKey reset(Shipper shipper) {
        em.lock(em.merge(shipper), LockModeType.PESSIMISTIC_WRITE);
        keys(shipper).forEach(key -> key.revoke(Instant.now()));
        return newKey(shipper);
    }

    public ShipperApiKey revoke(Shipper shipper, long keyId) {
        ShipperApiKey key = keys(shipper).stream().filter(k -> k.id() == keyId).findFirst()
                .orElseThrow(() -> new NotFound("api key", String.valueOf(keyId)));
        key.revoke(Instant.now());
        return key;
    }

    public List<ShipperApiKey> keys(Shipper shipper) {
        return em.createNamedQuery(ShipperApiKey.OF_SHIPPER, ShipperApiKey.class).setParameter("shipper", shipper)
                .getResultList();
    }

    /** Every shipper account with the number of its live keys, for the administrators' list. */
    public List<Object[]> all() {
        return em.createQuery("SELECT s, (SELECT COUNT(k) FROM ShipperApiKey k WHERE k.shipper = s AND k.revokedAt IS NULL)"
                + " FROM Shipper s ORDER BY s.code", Object[].class).getResultList();
    }

    public Shipper byCode(String code) {
        return em.createNamedQuery(Shipper.BY_CODE, Shipper.class).setParameter("code", code).getResultList().stream()
                .findFirst().orElseThrow(() -> new NotFound("shipper", code));
    }

    private IssuedKey newKey(Shipper shipper) {
        String apiKey = Shipper.newApiKey();
        ShipperApiKey key = new ShipperApiKey(shipper, apiKey, Instant.now());
        em.persist(key);
        em.flush();
        return new IssuedKey(key, apiKey);
    }

    /** Webhooks go to http(s) URLs only; the secret that signs them is returned once. */
    public String subscribe(Shipper caller, String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("url", "is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null || url.length() > 500) {
            throw new InvalidRequest("url", "must be an http or https URL of at most 500 characters");
        }
        return em.merge(caller).subscribe(uri.toString());
    }
}
