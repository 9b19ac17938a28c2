package dev.lastmile.partners.handoff.boundary;

import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.PartnerCall;
import dev.lastmile.model.partner.PartnersByCredential;
import dev.lastmile.model.problem.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Tells which partner sent a SOAP call, from its HTTP Basic credentials (see {@link PartnerCall}). */
@ApplicationScoped
public class PartnerCredentials {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public Partner ofThisCall() {
        // Recognised by the container's authentication on the way in: a look-up by key, no second secret check.
        Partner recognised = PartnerCall.recognisedPartnerId().map(id -> em.find(Partner.class, id)).orElse(null);
        if (recognised != null && recognised.active()) {
            return recognised;
        }
        String authorization = PartnerCall.authorization().orElse(null);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new NotAuthenticated("Send your partner code and client secret with HTTP Basic authentication.");
        }
        return PartnersByCredential.fromBasic(em, authorization.substring(6));
    }
}
