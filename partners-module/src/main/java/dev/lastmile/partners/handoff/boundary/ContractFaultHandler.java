package dev.lastmile.partners.handoff.boundary;

import jakarta.xml.soap.Detail;
import jakarta.xml.soap.DetailEntry;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.namespace.QName;

/**
 * Words every SOAP fault of the partner endpoint in the terms of partner-handoff.wsdl. The contract's own fault,
 * HandoffRefused, goes out as the endpoint raised it; any other fault is replaced by a plain Client fault (the
 * request is at fault) or Server fault (we are), without detail, so no exception, class name, parser message or
 * stack trace of ours reaches a partner.
 *
 * <p>Inbound it reads the whole request first. Metro reads the body only when it unmarshals the parameters, after
 * the handlers, and turns a parse error there into a fault that never passes {@link #handleFault}, quoting
 * {@code jakarta.xml.bind.UnmarshalException} and the parser (Metro 4.0.3: SEIInvokerTube throws, WSEndpointImpl
 * makes the fault). Read here, a request that is not well-formed XML is answered in the contract's words instead.
 * What Metro refuses before any handler runs it still words itself: a request that is no SOAP 1.1 envelope, or
 * whose Body opens with broken XML (text, an undeclared prefix), read when Metro looks for the headers.
 */
public class ContractFaultHandler implements SOAPHandler<SOAPMessageContext> {

    static final String NOT_THE_CONTRACT =
            "The request does not follow the partner handoff contract (partner-handoff.wsdl).";
    static final String NOT_PROCESSED = "The handoff could not be processed; try again later.";

    /** The faults partner-handoff.wsdl declares, as the element in their detail. */
    private static final Set<QName> CONTRACT_FAULTS =
            Set.of(new QName("https://lastmile.dev/partners/handoff/v1", "HandoffRefused"));

    private final String notTheContract;
    private final String notProcessed;
    private final Set<QName> contractFaults;

    /** The handler of contract v1, partner-handoff.wsdl. */
    public ContractFaultHandler() {
        this(NOT_THE_CONTRACT, NOT_PROCESSED, CONTRACT_FAULTS);
    }

    /** The handler of another partner contract: its words, and the faults it declares. */
    protected ContractFaultHandler(String notTheContract, String notProcessed, Set<QName> contractFaults) {
        this.notTheContract = notTheContract;
        this.notProcessed = notProcessed;
        this.contractFaults = contractFaults;
    }

    private static final Logger LOG = Logger.getLogger(ContractFaultHandler.class.getName());

    private enum Party {
        CLIENT, SERVER
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            context.getMessage().getSOAPBody(); // parses the whole request, see above
            return true;
        } catch (WebServiceException | SOAPException e) {
            LOG.log(Level.FINE, "Refused a partner SOAP request that is not well-formed XML", e);
            // Metro has already read the envelope as SOAP 1.1, the only binding of the contract.
            context.setMessage(contractFault(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, Party.CLIENT));
            return false;
        }
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        try {
            SOAPFault fault = context.getMessage().getSOAPBody().getFault();
            if (fault == null) {
                return true;
            }
            if (declaredByTheContract(fault)) {
                dropUndeclaredDetail(fault.getDetail());
                return true;
            }
            LOG.log(Level.FINE, "Answered a partner SOAP fault in the contract''s words instead of {0}: {1}",
                    new Object[] {fault.getFaultCodeAsQName(), fault.getFaultString()});
            Party atFault = serverFault(fault) ? Party.SERVER : Party.CLIENT;
            context.setMessage(contractFault(fault.getNamespaceURI(), atFault));
        } catch (WebServiceException | SOAPException e) {
            LOG.log(Level.WARNING, "Could not read an outgoing partner SOAP fault; answering a generic one", e);
            context.setMessage(contractFault(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, Party.SERVER));
        }
        return true;
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }

    @Override
    public void close(MessageContext context) {
    }

    private boolean declaredByTheContract(SOAPFault fault) {
        Detail detail = fault.getDetail();
        if (detail == null) {
            return false;
        }
        for (Iterator<DetailEntry> entries = detail.getDetailEntries(); entries.hasNext(); ) {
            if (contractFaults.contains(entries.next().getElementQName())) {
                return true;
            }
        }
        return false;
    }

    /** Metro adds its own entry, a stack trace, when told to capture them (SOAPFaultBuilder.captureStackTrace). */
    private void dropUndeclaredDetail(Detail detail) {
        List<DetailEntry> undeclared = new ArrayList<>();
        for (Iterator<DetailEntry> entries = detail.getDetailEntries(); entries.hasNext(); ) {
            DetailEntry entry = entries.next();
            if (!contractFaults.contains(entry.getElementQName())) {
                undeclared.add(entry);
            }
        }
        undeclared.forEach(DetailEntry::detachNode);
    }

    /** Server in SOAP 1.1 (or a dotted refinement such as Server.Database), Receiver in SOAP 1.2. */
    private static boolean serverFault(SOAPFault fault) {
        String code = fault.getFaultCodeAsQName().getLocalPart();
        return code.equals("Server") || code.startsWith("Server.") || code.equals("Receiver");
    }

    private SOAPMessage contractFault(String envelopeNamespace, Party atFault) {
        boolean soap12 = SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE.equals(envelopeNamespace);
        QName code = soap12
                ? (atFault == Party.SERVER ? SOAPConstants.SOAP_RECEIVER_FAULT : SOAPConstants.SOAP_SENDER_FAULT)
                : new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, atFault == Party.SERVER ? "Server" : "Client");
        try {
            SOAPMessage message = MessageFactory.newInstance(soap12 ? SOAPConstants.SOAP_1_2_PROTOCOL
                    : SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            String text = atFault == Party.SERVER ? notProcessed : notTheContract;
            if (soap12) {
                message.getSOAPBody().addFault(code, text, Locale.ENGLISH);
            } else {
                message.getSOAPBody().addFault(code, text);
            }
            return message;
        } catch (SOAPException e) {
            // Metro makes a Server fault of this exception; its message is all that it shows.
            throw new WebServiceException(notProcessed, e);
        }
    }
}
