package dev.lastmile.partners.network.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.DomainException;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.partners.handoff.boundary.PartnerCredentials;
import dev.lastmile.partners.handoff.control.HandoffDesk;
import dev.lastmile.partners.handoff.control.ManifestLine;
import dev.lastmile.partners.network.soap.AcceptParcelRequest;
import dev.lastmile.partners.network.soap.AcceptParcelResponse;
import dev.lastmile.partners.network.soap.GetManifestRequest;
import dev.lastmile.partners.network.soap.GetManifestResponse;
import dev.lastmile.partners.network.soap.PartnerNetwork;
import dev.lastmile.partners.network.soap.PartnerRequestRefused;
import dev.lastmile.partners.network.soap.PartnerRequestRefused_Exception;
import dev.lastmile.partners.network.soap.RefuseParcelRequest;
import dev.lastmile.partners.network.soap.RefuseParcelResponse;
import dev.lastmile.partners.network.soap.ReportStatusBatchRequest;
import dev.lastmile.partners.network.soap.ReportStatusBatchResponse;
import dev.lastmile.partners.network.soap.ReportStatusRequest;
import dev.lastmile.partners.network.soap.ReportStatusResponse;
import dev.lastmile.partners.network.soap.StatusEvent;
import dev.lastmile.partners.network.soap.StatusResult;
import dev.lastmile.partners.status.control.StatusCheck;
import dev.lastmile.partners.status.control.StatusReports;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * SOAP endpoint of contract v2 (META-INF/wsdl/partner-network-v2.wsdl): the same operations as the partner's REST
 * door, on the same controls. Like the v1 endpoint, a plain JAX-WS endpoint of the web module on both deployables,
 * behind the same SoapRequestGuard; the container may not inject into it, hence the lookups; the controls are
 * transactional themselves. The partner is who its HTTP Basic credentials say.
 */
@PermitAll
@WebService(serviceName = "PartnerNetworkService", portName = "PartnerNetworkPort",
        targetNamespace = "https://lastmile.dev/partners/v2",
        endpointInterface = "dev.lastmile.partners.network.soap.PartnerNetwork",
        wsdlLocation = "META-INF/wsdl/partner-network-v2.wsdl")
@HandlerChain(file = "partner-network-handlers.xml")
public class PartnerNetworkEndpoint implements PartnerNetwork {

    private static final DatatypeFactory XML_TIME;

    static {
        try {
            XML_TIME = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public GetManifestResponse getManifest(GetManifestRequest request) throws PartnerRequestRefused_Exception {
        return as(() -> {
            Partner partner = caller();
            LocalDate day = request == null || request.getDay() == null ? lookup(HandoffDesk.class).today()
                    : LocalDate.of(request.getDay().getYear(), request.getDay().getMonth(), request.getDay().getDay());
            GetManifestResponse response = new GetManifestResponse();
            response.setDay(XML_TIME.newXMLGregorianCalendar(day.toString()));
            for (ManifestLine line : lookup(HandoffDesk.class).manifestLines(partner, day)) {
                response.getLine().add(line(line));
            }
            return response;
        });
    }

    @Override
    public AcceptParcelResponse acceptParcel(AcceptParcelRequest request) throws PartnerRequestRefused_Exception {
        return as(() -> {
            Partner partner = caller();
            requireBody(request);
            Handoff handoff = lookup(HandoffDesk.class).accept(partner, request.getTrackingId(), request.getPartnerReference(), "SOAP");
            AcceptParcelResponse response = new AcceptParcelResponse();
            response.setHandoffId(handoff.id());
            response.setTrackingId(handoff.parcel().trackingId().value());
            response.setPartnerReference(handoff.partnerReference());
            response.setAcceptedAt(time(handoff.acceptedAt()));
            return response;
        });
    }

    @Override
    public RefuseParcelResponse refuseParcel(RefuseParcelRequest request) throws PartnerRequestRefused_Exception {
        return as(() -> {
            Partner partner = caller();
            requireBody(request);
            lookup(HandoffDesk.class).refuse(partner, request.getTrackingId(), request.getReason(), "SOAP");
            RefuseParcelResponse response = new RefuseParcelResponse();
            response.setTrackingId(request.getTrackingId());
            response.setRefusedAt(time(Instant.now()));
            return response;
        });
    }

    @Override
    public ReportStatusResponse reportStatus(ReportStatusRequest request) throws PartnerRequestRefused_Exception {
        return as(() -> {
            Partner partner = caller();
            requireBody(request);
            requireBody(request.getEvent());
            ReportStatusResponse response = new ReportStatusResponse();
            response.setResult(result(lookup(StatusReports.class).report(partner, List.of(sent(request.getEvent())), "SOAP").get(0)));
            return response;
        });
    }

    @Override
    public ReportStatusBatchResponse reportStatusBatch(ReportStatusBatchRequest request) throws PartnerRequestRefused_Exception {
        return as(() -> {
            Partner partner = caller();
            requireBody(request);
            ReportStatusBatchResponse response = new ReportStatusBatchResponse();
            lookup(StatusReports.class).report(partner, request.getEvent().stream().map(PartnerNetworkEndpoint::sent).toList(), "SOAP")
                    .forEach(r -> response.getResult().add(result(r)));
            return response;
        });
    }

    /** Runs an operation; what the domain refuses goes out as the contract's fault, in its words. */
    private <T> T as(Supplier<T> operation) throws PartnerRequestRefused_Exception {
        try {
            return operation.get();
        } catch (DomainException e) {
            PartnerRequestRefused fault = new PartnerRequestRefused();
            fault.setCode(e.type());
            fault.setReason(e.detail());
            throw new PartnerRequestRefused_Exception(e.detail(), fault);
        }
    }

    private Partner caller() {
        Partner partner = lookup(PartnerCredentials.class).ofThisCall();
        lookup(CurrentCaller.class).actAs(partner.asCaller());
        return partner;
    }

    private static void requireBody(Object request) {
        if (request == null) {
            throw new InvalidRequest("request", "the request body is empty");
        }
    }

    private static StatusCheck.Sent sent(StatusEvent event) {
        if (event == null) {
            return null;
        }
        return new StatusCheck.Sent(event.getEventId(), event.getTrackingId(), event.getStatus() == null ? null
                : event.getStatus().value(), event.getOccurredAt() == null ? null
                : event.getOccurredAt().toXMLFormat(),
                event.getReason(), event.getMethod(), event.getReceivedBy(), event.getLatitude(), event.getLongitude(),
                base64(event.getSignaturePng()), base64(event.getPhotoJpeg()));
    }

    private static String base64(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static StatusResult result(dev.lastmile.partners.status.control.StatusResult taken) {
        StatusResult result = new StatusResult();
        result.setEventId(taken.eventId());
        result.setResult(taken.result());
        result.setCode(taken.code());
        String reason = taken.detail();
        if (!taken.errors().isEmpty()) {
            reason = (reason == null ? "" : reason + " ") + taken.errors().stream().map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }
        result.setReason(reason);
        return result;
    }

    private static dev.lastmile.partners.network.soap.ManifestLine line(ManifestLine l) {
        dev.lastmile.partners.network.soap.ManifestLine line = new dev.lastmile.partners.network.soap.ManifestLine();
        line.setTrackingId(l.trackingId());
        line.setState(l.state());
        line.setService(l.service());
        line.setWeightKg(l.weightKg());
        line.setPostcode(l.postcode());
        line.setTown(l.town());
        line.setCountry(l.country());
        line.setOfferedAt(time(Instant.parse(l.offeredAt())));
        line.setPrice(l.price());
        line.setPartnerReference(l.partnerReference());
        line.setRecipientName(l.recipientName());
        line.setRecipientPhone(l.recipientPhone());
        line.setAddressLine(l.addressLine());
        line.setLatitude(l.latitude());
        line.setLongitude(l.longitude());
        line.setInstructions(l.instructions());
        line.setSafePlace(l.safePlace());
        line.setNeighbour(l.neighbour());
        return line;
    }

    private static XMLGregorianCalendar time(Instant instant) {
        return XML_TIME.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }

    /** The beans it uses, looked up once per type: CDI.current() searches for the bean manager on every call. */
    private static final Map<Class<?>, Object> BEANS = new ConcurrentHashMap<>();

    private static <T> T lookup(Class<T> type) {
        return type.cast(BEANS.computeIfAbsent(type, t -> CDI.current().select(t).get()));
    }
}
