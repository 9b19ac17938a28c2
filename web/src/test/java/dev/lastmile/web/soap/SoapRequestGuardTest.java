package dev.lastmile.web.soap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapRequestGuardTest {

    private static boolean follows(String body) {
        return SoapRequestGuard.followsTheContract(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"" + SoapRequestGuard.ENVELOPE_NS + "\"><s:Header/><s:Body>"
                + body + "</s:Body></s:Envelope>";
    }

    private static final String REQUEST = "<h:AcceptHandoffRequest xmlns:h=\"" + SoapRequestGuard.CONTRACT_NS
            + "\"><h:trackingId>1</h:trackingId><h:partnerReference>X</h:partnerReference></h:AcceptHandoffRequest>";

    @Test
    void aRequestOfTheContractPassesWhateverItsValues() {
        assertTrue(follows(envelope(REQUEST)));
        assertTrue(follows(envelope("\n  " + REQUEST + "\n")));
    }

    @Test
    void somethingThatIsNotASoapEnvelopeOfTheContractIsRefused() {
        assertFalse(follows("this is not XML"));
        assertFalse(follows(""));
        assertFalse(follows(REQUEST), "no envelope");
        assertFalse(follows(envelope("")), "an empty body");
        assertFalse(follows(envelope("<h:Unexpected xmlns:h=\"" + SoapRequestGuard.CONTRACT_NS + "\"/>")), "no such operation");
        assertFalse(follows(envelope("<x:AcceptHandoffRequest xmlns:x=\"urn:other\"/>")), "another namespace");
        assertFalse(follows(envelope("text" + REQUEST)), "text in the body");
        assertFalse(follows(envelope(REQUEST + REQUEST)), "two requests");
        assertFalse(follows(envelope("<h:AcceptHandoffRequest xmlns:h=\"" + SoapRequestGuard.CONTRACT_NS
                + "\"><h:trackingId>1</h:partnerCode></h:AcceptHandoffRequest>")), "broken XML");
        assertFalse(follows("<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + REQUEST + "</s:Body></s:Envelope>"), "SOAP 1.2");
    }

    @Test
    void documentTypeDeclarationsAreRefusedSoNoEntityIsEverResolved() {
        assertFalse(follows("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + envelope(REQUEST).substring("<?xml version=\"1.0\"?>".length())));
    }
}
