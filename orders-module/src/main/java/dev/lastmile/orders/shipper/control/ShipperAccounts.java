package dev.lastmile.orders.shipper.control;

import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.shipper.Shipper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;

/** Opens shipper accounts and manages their webhooks. */
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
        String key = Shipper.newApiKey();
        Shipper shipper = new Shipper(code, name.trim(), key, Instant.now());
        em.persist(shipper);
        return new Opened(shipper, key);
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
