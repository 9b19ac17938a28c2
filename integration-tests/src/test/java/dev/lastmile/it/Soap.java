package dev.lastmile.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** SOAP 1.1 envelopes of the partner handoff contract, written as a partner's client would send them. */
final class Soap {

    static final String NS = "https://lastmile.dev/partners/handoff/v1";

    private Soap() {
    }

    static String acceptHandoff(String partnerCode, String trackingId, String partnerReference) {
        return envelope("<h:AcceptHandoffRequest xmlns:h=\"" + NS + "\"><h:partnerCode>" + partnerCode
                + "</h:partnerCode><h:trackingId>" + trackingId + "</h:trackingId><h:partnerReference>"
                + partnerReference + "</h:partnerReference></h:AcceptHandoffRequest>");
    }

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
                + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    /** The text of the first element with this local name, in any namespace. */
    static String text(String xml, String localName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList nodes = document.getElementsByTagNameNS("*", localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + xml, e);
        }
    }
}
