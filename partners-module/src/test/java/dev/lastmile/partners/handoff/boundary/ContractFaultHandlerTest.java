package dev.lastmile.partners.handoff.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jws.HandlerChain;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ContractFaultHandlerTest {

    private static final String SOAP11 = SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE;
    private static final String SOAP12 = SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE;
    private static final String NS = "https://lastmile.dev/partners/handoff/v1";

    /** What Metro 4.0.3 sends when the endpoint throws a RuntimeException, with stack traces captured. */
    private static final String SERVER_FAULT = envelope("<S:Fault><faultcode>S:Server</faultcode>"
            + "<faultstring>connection to jdbc:mysql://db:3306 refused in dev.lastmile.model.parcel.ParcelsByTrackingId"
            + "</faultstring><detail><ns2:exception xmlns:ns2=\"http://jax-ws.dev.java.net/\" "
            + "class=\"java.lang.IllegalStateException\"><message>connection refused</message><ns2:stackTrace>"
            + "<ns2:frame class=\"dev.lastmile.partners.handoff.control.HandoffDesk\" file=\"HandoffDesk.java\" "
            + "line=\"40\" method=\"accept\"/></ns2:stackTrace></ns2:exception></detail></S:Fault>");

    private final ContractFaultHandler handler = new ContractFaultHandler();

    @Test
    void aFaultAboutTheRequestIsAClientFaultInTheContractsWords() {
        Exchange exchange = Exchange.outbound(envelope("<S:Fault><faultcode>S:Client</faultcode><faultstring>Cannot "
                + "find dispatch method for {" + NS + "}Unexpected</faultstring></S:Fault>"));

        assertTrue(handler.handleFault(exchange));

        assertFault(exchange, new QName(SOAP11, "Client"),
                "The request does not follow the partner handoff contract (partner-handoff.wsdl).");
    }

    @Test
    void aServerFaultSaysOnlyToTryAgainLaterAndLeavesItsStackTraceBehind() {
        Exchange exchange = Exchange.outbound(SERVER_FAULT);

        assertTrue(handler.handleFault(exchange));

        assertFault(exchange, new QName(SOAP11, "Server"), "The handoff could not be processed; try again later.");
        assertNull(fault(exchange).getDetail());
        assertNothingOfOursIn(exchange);
    }

    @Test
    void aRefinedServerFaultCodeIsStillAServerFault() {
        Exchange exchange = Exchange.outbound(SERVER_FAULT.replace("S:Server", "S:Server.Database"));

        handler.handleFault(exchange);

        assertFault(exchange, new QName(SOAP11, "Server"), ContractFaultHandler.NOT_PROCESSED);
    }

    @Test
    void aHandoffRefusedFaultGoesOutAsTheEndpointRaisedIt() {
        Exchange exchange = Exchange.outbound(refusal(""));
        SOAPMessage refused = exchange.getMessage();

        assertTrue(handler.handleFault(exchange));

        assertSame(refused, exchange.getMessage());
        assertFault(exchange, new QName(SOAP11, "Server"), "Parcel 003506000000000018 is unknown.");
        assertEquals(List.of("parcel-not-found", "Parcel 003506000000000018 is unknown."), refusalFields(exchange));
    }

    @Test
    void aStackTraceBesideAHandoffRefusedIsDropped() {
        Exchange exchange = Exchange.outbound(refusal("<ns2:exception xmlns:ns2=\"http://jax-ws.dev.java.net/\" "
                + "class=\"dev.lastmile.partners.handoff.soap.HandoffRefused_Exception\"><ns2:stackTrace/></ns2:exception>"));

        handler.handleFault(exchange);

        assertEquals(List.of("parcel-not-found", "Parcel 003506000000000018 is unknown."), refusalFields(exchange));
        assertFalse(wire(exchange).contains("HandoffRefused_Exception"), wire(exchange));
    }

    @Test
    void aSoap12FaultIsReworded() {
        Exchange exchange = Exchange.outbound("<e:Envelope xmlns:e=\"" + SOAP12 + "\"><e:Body><e:Fault><e:Code>"
                + "<e:Value>e:Receiver</e:Value></e:Code><e:Reason><e:Text xml:lang=\"en\">java.lang.NullPointerException"
                + "</e:Text><e:Text xml:lang=\"de\">java.lang.NullPointerException</e:Text></e:Reason></e:Fault>"
                + "</e:Body></e:Envelope>", SOAPConstants.SOAP_1_2_PROTOCOL);

        handler.handleFault(exchange);

        assertFault(exchange, SOAPConstants.SOAP_RECEIVER_FAULT, ContractFaultHandler.NOT_PROCESSED);
        assertNothingOfOursIn(exchange);
    }

    @Test
    void aRequestThatIsNotWellFormedXmlIsAnsweredWithTheContractFaultAndGoesNoFurther() {
        Exchange exchange = Exchange.inbound(envelope("<h:AcceptHandoffRequest xmlns:h=\"" + NS + "\"><h:partnerCode>DPX"
                + "</h:partnerCod></h:AcceptHandoffRequest>"));

        assertFalse(handler.handleMessage(exchange));

        assertFault(exchange, new QName(SOAP11, "Client"), ContractFaultHandler.NOT_THE_CONTRACT);
        assertNothingOfOursIn(exchange);
    }

    @Test
    void aWellFormedRequestGoesOnToTheEndpointAsItCame() throws SOAPException {
        Exchange exchange = Exchange.inbound(envelope("<h:AcceptHandoffRequest xmlns:h=\"" + NS + "\"><h:partnerCode>"
                + "DPX</h:partnerCode><h:colour>red</h:colour></h:AcceptHandoffRequest>"));

        assertTrue(handler.handleMessage(exchange));

        assertEquals("AcceptHandoffRequest", exchange.getMessage().getSOAPBody().getFirstChild().getLocalName());
        assertFalse(exchange.getMessage().getSOAPBody().hasFault());
    }

    @Test
    void aResponseGoesOutUntouched() {
        Exchange exchange = Exchange.outbound("this would not even parse");

        assertTrue(handler.handleMessage(exchange));

        assertFalse(exchange.wasRead());
    }

    @Test
    void isTheHandlerChainOfThePartnerEndpoint() throws Exception {
        HandlerChain chain = PartnerHandoffEndpoint.class.getAnnotation(HandlerChain.class);
        assertNotNull(chain);

        try (InputStream file = PartnerHandoffEndpoint.class.getResourceAsStream(chain.file())) {
            assertNotNull(file, chain.file() + " beside the endpoint");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document handlers = factory.newDocumentBuilder().parse(file);
            assertEquals("https://jakarta.ee/xml/ns/jakartaee", handlers.getDocumentElement().getNamespaceURI());
            assertEquals(ContractFaultHandler.class.getName(),
                    handlers.getElementsByTagNameNS("*", "handler-class").item(0).getTextContent().trim());
        }
    }

    private static String envelope(String body) {
        return "<S:Envelope xmlns:S=\"" + SOAP11 + "\"><S:Body>" + body + "</S:Body></S:Envelope>";
    }

    private static String refusal(String moreDetail) {
        return envelope("<S:Fault><faultcode>S:Server</faultcode><faultstring>Parcel 003506000000000018 is unknown."
                + "</faultstring><detail><HandoffRefused xmlns=\"" + NS + "\"><code>parcel-not-found</code><reason>"
                + "Parcel 003506000000000018 is unknown.</reason></HandoffRefused>" + moreDetail + "</detail></S:Fault>");
    }

    private static SOAPFault fault(Exchange exchange) {
        try {
            return exchange.getMessage().getSOAPBody().getFault();
        } catch (SOAPException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertFault(Exchange exchange, QName code, String text) {
        SOAPFault fault = fault(exchange);
        assertNotNull(fault, wire(exchange));
        assertEquals(code, fault.getFaultCodeAsQName());
        assertEquals(text, fault.getFaultString());
    }

    /** The code and reason of the one detail entry, which must be the contract's HandoffRefused. */
    private static List<String> refusalFields(Exchange exchange) {
        List<Element> entries = new ArrayList<>();
        fault(exchange).getDetail().getDetailEntries().forEachRemaining(entries::add);
        assertEquals(1, entries.size(), wire(exchange));
        Element refused = entries.get(0);
        assertEquals(new QName(NS, "HandoffRefused"), new QName(refused.getNamespaceURI(), refused.getLocalName()));
        return List.of(refused.getElementsByTagNameNS(NS, "code").item(0).getTextContent(),
                refused.getElementsByTagNameNS(NS, "reason").item(0).getTextContent());
    }

    private static void assertNothingOfOursIn(Exchange exchange) {
        String wire = wire(exchange);
        for (String internal : List.of("java.", "jakarta.", "com.ctc", "dev.lastmile", "Exception", "stackTrace",
                "jax-ws.dev.java.net", "partnerCod")) {
            assertFalse(wire.contains(internal), internal + " in " + wire);
        }
    }

    private static String wire(Exchange exchange) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exchange.getMessage().writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (SOAPException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The message context as Metro gives it to a SOAP handler: the message arrives as bytes and is parsed on first
     * {@link #getMessage()}, which fails with a WebServiceException when it is not well-formed (SOAPMessageContextImpl).
     */
    private static final class Exchange extends HashMap<String, Object> implements SOAPMessageContext {

        private final byte[] wire;
        private final String protocol;
        private SOAPMessage message;

        private Exchange(boolean outbound, String xml, String protocol) {
            this.wire = xml.getBytes(StandardCharsets.UTF_8);
            this.protocol = protocol;
            put(MESSAGE_OUTBOUND_PROPERTY, outbound);
        }

        static Exchange inbound(String xml) {
            return new Exchange(false, xml, SOAPConstants.SOAP_1_1_PROTOCOL);
        }

        static Exchange outbound(String xml) {
            return outbound(xml, SOAPConstants.SOAP_1_1_PROTOCOL);
        }

        static Exchange outbound(String xml, String protocol) {
            return new Exchange(true, xml, protocol);
        }

        boolean wasRead() {
            return message != null;
        }

        @Override
        public SOAPMessage getMessage() {
            if (message == null) {
                try {
                    SOAPMessage read = MessageFactory.newInstance(protocol)
                            .createMessage(new MimeHeaders(), new ByteArrayInputStream(wire));
                    read.getSOAPBody();
                    message = read;
                } catch (SOAPException | IOException e) {
                    throw new WebServiceException(e);
                }
            }
            return message;
        }

        @Override
        public void setMessage(SOAPMessage message) {
            this.message = message;
        }

        @Override
        public Object[] getHeaders(QName header, JAXBContext context, boolean allRoles) {
            return new Object[0];
        }

        @Override
        public Set<String> getRoles() {
            return Set.of();
        }

        @Override
        public void setScope(String name, Scope scope) {
        }

        @Override
        public Scope getScope(String name) {
            return Scope.HANDLER;
        }
    }
}
