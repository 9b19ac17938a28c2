package dev.lastmile.partners.handoff.boundary;

import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.PartnersByCredential;
import dev.lastmile.model.problem.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Map;

/** Reads a SOAP call's HTTP Basic credentials and tells which partner sent them. */
@ApplicationScoped
public class PartnerCredentials {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public Partner of(WebServiceContext context) {
        String authorization = header(context, "Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new NotAuthenticated("Send your partner code and client secret with HTTP Basic authentication.");
        }
        return PartnersByCredential.fromBasic(em, authorization.substring(6));
    }

    @SuppressWarnings("unchecked")
    private static String header(WebServiceContext context, String name) {
        Object headers = context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS);
        if (!(headers instanceof Map<?, ?> map)) {
            return null;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name)) {
                List<String> values = (List<String>) entry.getValue();
                return values == null || values.isEmpty() ? null : values.get(0);
            }
        }
        return null;
    }
}
