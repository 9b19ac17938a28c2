package dev.lastmile.partners.registry.control;

import dev.lastmile.model.access.Credential;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The partner 3PLs on record and their client credentials. */
@ApplicationScoped
@Transactional
public class PartnerRegistry {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    /** The partner and its client secret, shown this once. */
    public record Registered(Partner partner, String clientSecret) {
    }

    public Registered register(String code, String name, String contactEmail) {
        Violations violations = new Violations().require("code", code).require("name", name);
        violations.check(code == null || code.matches("[A-Z0-9]{2,16}"), "code", "must be 2 to 16 capital letters or digits");
        violations.check(name == null || name.length() <= 120, "name", "must be at most 120 characters");
        violations.check(contactEmail == null || contactEmail.matches("[^@\\s]{1,64}@[^@\\s]{1,189}"), "contactEmail",
                "must be an e-mail address");
        violations.throwIfAny();
        if (!em.createNamedQuery(Partner.BY_CODE, Partner.class).setParameter("code", code).getResultList().isEmpty()) {
            throw new RuleViolation("partner-exists", "Partner exists", "A partner with code " + code + " exists.");
        }
        String secret = Credential.newSecret(32);
        Partner partner = new Partner(code, name.trim(), contactEmail, Credential.hashOf(secret), Instant.now());
        em.persist(partner);
        em.flush();
        return new Registered(partner, secret);
    }

    /** A new secret; the old one and every token issued with it stop working at once. */
    public Registered replaceSecret(String code) {
        Partner partner = byCode(code);
        String secret = Credential.newSecret(32);
        partner.replaceSecret(Credential.hashOf(secret));
        return new Registered(partner, secret);
    }

    public Partner deactivate(String code) {
        Partner partner = byCode(code);
        partner.deactivate();
        return partner;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Partner> all() {
        return em.createNamedQuery(Partner.ALL, Partner.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner byCode(String code) {
        return em.createNamedQuery(Partner.BY_CODE, Partner.class).setParameter("code", code).getResultList().stream()
                .findFirst().orElseThrow(() -> new NotFound("partner", code));
    }
}
