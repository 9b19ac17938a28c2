package dev.lastmile.it;

import static dev.lastmile.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a clear, machine-readable error and changes nothing. */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    /** A well-formed SSCC (its check digit is right) that no parcel has. */
    private static final String UNKNOWN_TRACKING_ID = "050600009999999998";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    private Api api() {
        Api api = new Api(URI.create(base.toExternalForm().replaceAll("/?$", "/")));
        return api.asShipper(Shippers.standardKey(api));
    }


    @Test
    void malformedJsonIsRefusedAndRegistersNothing() {
        long parcels = TestDatabase.count("parcel");
        Api.Reply reply = api().postRaw("api/parcels", "application/json", "{\"recipient\": {\"name\": \"Ada\"");
        assertProblem(reply, 400);
        assertEquals("https://lastmile.dev/problems/malformed-json", reply.json().getString("type"));
        assertEquals(parcels, TestDatabase.count("parcel"));
    }

    @Test
    void missingFieldsAreEachNamedAndRegisterNothing() {
        long parcels = TestDatabase.count("parcel");
        Api.Reply reply = api().post("api/parcels", Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("email", "someone@example.org"))
                .add("address", Json.createObjectBuilder().add("line", "1 Strand").add("town", "London")
                        .add("postcode", "WC2R 0RG").add("country", "GB"))
                .add("deliveryDate", LocalDate.now().plusDays(1).toString()).build());
        assertProblem(reply, 400);
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        // Coordinates may be left out (the gazetteer places the postcode); name and weight may not.
        assertTrue(fields.containsAll(List.of("recipient.name", "weightKg")), fields.toString());
        assertEquals(parcels, TestDatabase.count("parcel"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertProblem(api().postRaw("api/parcels", "application/json", ""), 400);
    }

    @Test
    void aTrackingIdWithAWrongCheckDigitIsToldApartFromAnUnknownOne() {
        Api.Reply mistyped = api().get("api/parcels/050600009999999990");
        assertProblem(mistyped, 400);
        assertEquals("trackingId", mistyped.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        assertProblem(api().get("api/parcels/" + UNKNOWN_TRACKING_ID), 404);
        assertProblem(api().get("api/tracking/" + UNKNOWN_TRACKING_ID + "?postcode=NW16XE"), 404);
    }

    @Test
    void handheldCallsWithoutAValidTokenAreRefused() {
        Api.Reply missing = Api.anonymous(api().base()).post("api/handheld/routes/1/departure", JsonValue.EMPTY_JSON_OBJECT);
        assertProblem(missing, 401);
        Api.Reply bogus = api().post("api/handheld/events", Json.createObjectBuilder().add("events", Json.createArrayBuilder()).build(),
                "not-a-token");
        assertProblem(bogus, 401);
        assertProblem(api().get("api/handheld/manifest", "not-a-token"), 401);
    }

    @Test
    void aSoapRequestWithAWrongBodyGetsAFaultAndHandsOverNothing() {
        long handoffs = TestDatabase.count("handoff");
        Api.Reply reply = api().soap("soap/partners/handoff", "https://lastmile.dev/partners/handoff/v1/AcceptHandoff",
                Soap.envelope("<h:Unexpected xmlns:h=\"" + Soap.NS + "\"><h:what>ever</h:what></h:Unexpected>"));
        assertEquals(500, reply.status(), reply.body());
        assertNotNull(Soap.text(reply.body(), "Fault"), reply.body());
        // Payara Server's own monitoring pipe fails on an operation the contract does not have, before any
        // handler of ours (docs/security.md); it still tells no stack trace and no parser detail.
        assertFalse(reply.body().contains("at org.") || reply.body().contains("[row,col"), reply.body());
        assertEquals(handoffs, TestDatabase.count("handoff"));
    }

    @Test
    void aSoapRequestThatBreaksTheContractGetsAFaultThatShowsNoInternals() {
        long handoffs = TestDatabase.count("handoff");
        Api.Reply reply = api().soap("soap/partners/handoff", "https://lastmile.dev/partners/handoff/v1/AcceptHandoff",
                Soap.envelope("<h:AcceptHandoffRequest xmlns:h=\"" + Soap.NS + "\"><h:trackingId>1</h:partnerCode>"
                        + "</h:AcceptHandoffRequest>"));
        assertEquals(500, reply.status(), reply.body());
        // On Payara Server the server's own pipes answer this before our handler ("Failed to copy a message");
        // the contract's words are checked on Payara Micro (MicroSmokeIT), where the request guard answers.
        assertNotNull(Soap.text(reply.body(), "faultstring"), reply.body());
        for (String internal : List.of("Exception", "jakarta.", "java.", "com.sun", "com.ctc", "[row,col")) {
            assertFalse(reply.body().contains(internal), internal + " in " + reply.body());
        }
        assertEquals(handoffs, TestDatabase.count("handoff"));
    }

    @Test
    void aSoapHandoffOfAnUnknownParcelIsRefusedWithAContractFault() {
        long handoffs = TestDatabase.count("handoff");
        String secret = Partners.register(api(), "DPXBAD");
        Api partner = Api.anonymous(api().base()).withBasic("DPXBAD", secret);
        Api.Reply reply = partner.soap("soap/partners/handoff", "https://lastmile.dev/partners/handoff/v1/AcceptHandoff",
                Soap.acceptHandoff("DPXBAD", UNKNOWN_TRACKING_ID, "DPX-1"));
        assertEquals(500, reply.status(), reply.body());
        assertEquals("parcel-not-found", Soap.text(reply.body(), "code"), reply.body());
        Api.Reply stranger = Api.anonymous(api().base()).soap("soap/partners/handoff",
                "https://lastmile.dev/partners/handoff/v1/AcceptHandoff", Soap.acceptHandoff("DPXBAD", UNKNOWN_TRACKING_ID, "DPX-1"));
        assertEquals("not-authenticated", Soap.text(stranger.body(), "code"), stranger.body());
        assertEquals(handoffs, TestDatabase.count("handoff"));
    }
}
