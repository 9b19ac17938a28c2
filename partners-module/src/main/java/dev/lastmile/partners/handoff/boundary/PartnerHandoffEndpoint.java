package dev.lastmile.partners.handoff.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.partner.Partner;
import jakarta.annotation.security.PermitAll;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import dev.lastmile.partners.handoff.soap.AcceptHandoffRequest;
import dev.lastmile.partners.handoff.soap.AcceptHandoffResponse;
import dev.lastmile.partners.handoff.soap.HandoffRefused;
import dev.lastmile.partners.handoff.soap.HandoffRefused_Exception;
import dev.lastmile.partners.handoff.soap.PartnerHandoff;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.jws.WebService;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * SOAP endpoint of the contract in META-INF/wsdl/partner-handoff.wsdl: a plain JAX-WS endpoint of the web module
 * on both deployables (web.xml on Payara Server, sun-jaxws.xml on Payara Micro), so every request passes the same
 * SoapRequestGuard first. The container may not inject into it, hence the lookups; the controls are transactional.
 */
@PermitAll
@WebService(serviceName = "PartnerHandoffService", portName = "PartnerHandoffPort",
        targetNamespace = "https://lastmile.dev/partners/handoff/v1",
        endpointInterface = "dev.lastmile.partners.handoff.soap.PartnerHandoff",
        wsdlLocation = "META-INF/wsdl/partner-handoff.wsdl")
@jakarta.jws.HandlerChain(file = "partner-handoff-handlers.xml")
public class PartnerHandoffEndpoint implements PartnerHandoff {

    @Inject
    HandoffDesk desk;

    /**
     * The partner is who its HTTP Basic credentials (code and client secret) say, checked here so that
     * both deployables behave alike; the partner code in the body, if any, must be the caller's own.
     */
    @Override
    public AcceptHandoffResponse acceptHandoff(AcceptHandoffRequest request) throws HandoffRefused_Exception {
        try {
            Partner partner = lookup(PartnerCredentials.class).ofThisCall();
            if (request == null) {
                throw refused("invalid-request", "The request body is empty.");
            }
            if (request.getPartnerCode() != null && !request.getPartnerCode().isBlank()
                    && !request.getPartnerCode().equals(partner.code())) {
                throw refused("partner-mismatch", "partnerCode must be your own code (" + partner.code()
                        + ") or left out: the code comes from your credentials.");
            }
            lookup(CurrentCaller.class).actAs(partner.asCaller());
            return response(desk().accept(partner, request.getTrackingId(), request.getPartnerReference(), "SOAP"));
        } catch (DomainException e) {
            throw refused(e.type(), e.detail());
        }
    }

    private HandoffDesk desk() {
        return desk != null ? desk : lookup(HandoffDesk.class);
    }

    private static <T> T lookup(Class<T> type) {
        return CDI.current().select(type).get();
    }

    private static HandoffRefused_Exception refused(String code, String reason) {
        HandoffRefused fault = new HandoffRefused();
        fault.setCode(code);
        fault.setReason(reason);
        return new HandoffRefused_Exception(reason, fault);
    }

    private static AcceptHandoffResponse response(Handoff handoff) {
        AcceptHandoffResponse response = new AcceptHandoffResponse();
        response.setHandoffId(handoff.id());
        response.setTrackingId(handoff.parcel().trackingId().value());
        response.setPartnerCode(handoff.partnerCode());
        response.setPartnerReference(handoff.partnerReference());
        response.setAcceptedAt(xmlTime(handoff));
        return response;
    }

    private static XMLGregorianCalendar xmlTime(Handoff handoff) {
        try {
            GregorianCalendar calendar = GregorianCalendar.from(handoff.acceptedAt().atZone(java.time.ZoneOffset.UTC));
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(calendar);
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
