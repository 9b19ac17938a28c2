package dev.lastmile.model.shipper;

import dev.lastmile.model.access.Credential;
import dev.lastmile.model.problem.NotAuthenticated;
import jakarta.persistence.EntityManager;

/** The one way every module tells which shipper calls, from the API key in header {@value #HEADER}. */
public final class ShippersByKey {

    public static final String HEADER = "X-Api-Key";

    private ShippersByKey() {
    }

    /** @throws NotAuthenticated when the key is missing or unknown */
    public static Shipper find(EntityManager em, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new NotAuthenticated("Send your shipper API key in the " + HEADER + " header.");
        }
        return em.createNamedQuery(ShipperApiKey.LIVE_BY_HASH, ShipperApiKey.class)
                .setParameter("hash", Credential.hashOf(apiKey.trim())).getResultList().stream().findFirst()
                .map(ShipperApiKey::shipper)
                .orElseThrow(() -> new NotAuthenticated("The API key is not known or was revoked."));
    }
}
