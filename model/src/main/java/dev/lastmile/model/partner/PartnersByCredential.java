package dev.lastmile.model.partner;

import dev.lastmile.model.access.Credential;
import dev.lastmile.model.problem.NotAuthenticated;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The one way every module tells which partner calls, from its code and client secret. */
public final class PartnersByCredential {

    private PartnersByCredential() {
    }

    /** From an {@code Authorization: Basic} header's value (after "Basic "): partner code, colon, client secret. */
    public static Partner fromBasic(EntityManager em, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new NotAuthenticated("The partner credentials are wrong.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new NotAuthenticated("The partner credentials are wrong.");
        }
        return find(em, decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** @throws NotAuthenticated when the partner is unknown, inactive or the secret wrong, alike */
    public static Partner find(EntityManager em, String code, String secret) {
        Partner partner = em.createNamedQuery(Partner.BY_CODE, Partner.class).setParameter("code", code == null ? "" : code)
                .getResultList().stream().findFirst().orElse(null);
        byte[] expected = partner == null ? new byte[64] : partner.secretHash().getBytes(StandardCharsets.US_ASCII);
        byte[] given = Credential.hashOf(secret == null ? "" : secret).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given) || partner == null || !partner.active()) {
            throw new NotAuthenticated("The partner credentials are wrong.");
        }
        return partner;
    }
}
