package dev.lastmile.partners.registry.control;

import dev.lastmile.model.access.Credential;
import dev.lastmile.model.partner.CallbackKind;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.PartnerService;
import dev.lastmile.model.partner.PartnerTerms;
import dev.lastmile.model.partner.RateCard;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    /** The terms as an administrator gives them, every field checked before any is kept. */
    public record TermsRequest(List<String> countries, List<String> postcodePrefixes, List<String> services,
                               Integer dailyCapacity, Integer slaDays, BigDecimal pricePerParcel, String weightBands,
                               BigDecimal sameDaySurcharge, BigDecimal weekendSurcharge, String currency) {
    }

    public Partner agree(String code, TermsRequest request) {
        Violations v = new Violations();
        v.check(request.countries() != null && !request.countries().isEmpty(), "countries", "name at least one country");
        Set<String> countries = new TreeSet<>();
        for (String country : request.countries() == null ? List.<String>of() : request.countries()) {
            boolean valid = country != null && country.matches("[A-Z]{2}");
            v.check(valid, "countries", "are ISO 3166 alpha-2 codes such as GB");
            if (valid) {
                countries.add(country);
            }
        }
        List<String> prefixes = request.postcodePrefixes() == null ? List.of() : request.postcodePrefixes();
        v.check(prefixes.size() <= 500, "postcodePrefixes", "at most 500");
        prefixes.forEach(p -> v.check(p != null && PartnerTerms.normalised(p).matches("[A-Z0-9]{1,8}"), "postcodePrefixes",
                "are 1 to 8 letters or digits"));
        Set<PartnerService> services = EnumSet.noneOf(PartnerService.class);
        v.check(request.services() != null && !request.services().isEmpty(), "services", "name at least one service");
        for (String service : request.services() == null ? List.<String>of() : request.services()) {
            v.attempt("services", () -> {
                try {
                    return services.add(PartnerService.valueOf(service));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException("are among " + List.of(PartnerService.values()));
                }
            });
        }
        v.check(request.dailyCapacity() != null && request.dailyCapacity() >= 0 && request.dailyCapacity() <= 1_000_000,
                "dailyCapacity", "must be between 0 and 1000000");
        v.check(request.slaDays() != null && request.slaDays() >= 0 && request.slaDays() <= 30, "slaDays",
                "must be between 0 and 30 days");
        money(v, "pricePerParcel", request.pricePerParcel(), true);
        money(v, "sameDaySurcharge", request.sameDaySurcharge(), false);
        money(v, "weekendSurcharge", request.weekendSurcharge(), false);
        List<RateCard.Band> bands = v.attempt("weightBands", () -> RateCard.parseBands(request.weightBands()));
        String currency = request.currency() == null ? "EUR" : request.currency();
        v.check(currency.matches("[A-Z]{3}"), "currency", "must be an ISO 4217 code such as EUR");
        v.throwIfAny();
        Partner partner = byCode(code);
        partner.agree(new PartnerTerms(countries, prefixes, services, request.dailyCapacity(), request.slaDays(),
                new RateCard(request.pricePerParcel(), bands, orZero(request.sameDaySurcharge()),
                        orZero(request.weekendSurcharge())), currency));
        return partner;
    }

    /** Where the partner wants recalls and redirections; returns the new signing secret, shown this once. */
    public String callBackAt(String code, String kindText, String url) {
        Violations v = new Violations().require("kind", kindText);
        CallbackKind kind = kindText == null ? null : v.attempt("kind", () -> {
            try {
                return CallbackKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be one of " + List.of(CallbackKind.values()));
            }
        });
        if (kind != null && kind != CallbackKind.NONE) {
            v.require("url", url);
            v.check(url == null || (url.length() <= 500 && url.matches("https?://[^\\s]+")), "url",
                    "must be an http or https address of at most 500 characters");
        }
        v.throwIfAny();
        Partner partner = byCode(code);
        String secret = kind == CallbackKind.NONE ? null : Credential.newSecret(24);
        partner.callBackAt(kind, url, secret);
        return secret;
    }

    private static void money(Violations v, String field, BigDecimal amount, boolean required) {
        if (required) {
            v.require(field, amount);
        }
        v.check(amount == null || (amount.signum() >= 0 && amount.scale() <= 2 && amount.compareTo(BigDecimal.valueOf(100_000)) < 0),
                field, "must be an amount of 0 or more with at most 2 decimals");
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
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
