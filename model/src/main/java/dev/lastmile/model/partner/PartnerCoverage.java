package dev.lastmile.model.partner;

import jakarta.persistence.EntityManager;

/** Whether the partner network reaches an address: the one question intake asks of it. */
public final class PartnerCoverage {

    private PartnerCoverage() {
    }

    /** Some active partner's area holds the address (which partner takes the parcel is allocation's business). */
    public static boolean anyCovers(EntityManager em, String country, String postcode) {
        return em.createNamedQuery(Partner.ACTIVE, Partner.class).getResultList().stream()
                .anyMatch(p -> p.terms().covers(country, postcode));
    }
}
