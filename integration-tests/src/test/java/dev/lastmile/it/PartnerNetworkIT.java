package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static dev.lastmile.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.partners.network.soap.AcceptParcelRequest;
import dev.lastmile.partners.network.soap.GetManifestRequest;
import dev.lastmile.partners.network.soap.GetManifestResponse;
import dev.lastmile.partners.network.soap.ManifestLine;
import dev.lastmile.partners.network.soap.PartnerNetwork;
import dev.lastmile.partners.network.soap.PartnerNetworkService;
import dev.lastmile.partners.network.soap.PartnerRequestRefused_Exception;
import dev.lastmile.partners.network.soap.PartnerStatus;
import dev.lastmile.partners.network.soap.RefuseParcelRequest;
import dev.lastmile.partners.network.soap.ReportStatusBatchRequest;
import dev.lastmile.partners.network.soap.ReportStatusRequest;
import dev.lastmile.partners.network.soap.StatusEvent;
import dev.lastmile.partners.network.soap.StatusResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.xml.ws.BindingProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partner 3PL network through the deployed EAR: parcels outside every depot's coverage allocated to the cheapest
 * partner that fits, refused and allocated again, accepted and reported on over SOAP (a client generated from our
 * WSDL) and REST, recalled with a signed callback, the failed-attempt policy, the waiting list, and hostile XML.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerNetworkIT {

    private static final String RUN = String.valueOf(1000 + new Random().nextInt(9000));
    /** Cheap, answers by signed webhook. */
    private static final String CHEAP = "NIA" + RUN;
    /** Dearer, answers by SOAP callback. */
    private static final String DEAR = "NIB" + RUN;
    /** Covers the Highlands but has no room. */
    private static final String FULL = "HIF" + RUN;
    private static final LocalDate DAY = weekday(LocalDate.now(ZoneId.of("Europe/London")).plusDays(2));

    private static Recorder callbacks;
    private static final Map<String, String> SECRETS = new HashMap<>();
    private static final Map<String, String> SIGNING = new HashMap<>();
    private static String first;
    private static String second;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    @BeforeAll
    static void startCallbackReceiver() throws Exception {
        callbacks = new Recorder(0);
    }

    @AfterAll
    static void stopCallbackReceiver() {
        callbacks.close();
    }

    private URI root() {
        return URI.create(base.toExternalForm().replaceAll("/?$", "/"));
    }

    private Api admin() throws Exception {
        Api api = new Api(root());
        return api.asShipper(Shippers.standardKey(api));
    }

    private Api partner(String code) {
        return Partners.signedIn(Api.anonymous(root()), code, SECRETS.get(code));
    }

    @Test
    @Order(0)
    void anAdministratorPutsPartnersOnRecordWithTheirTermsAndCallbacks() throws Exception {
        Api admin = admin();
        // The carrier's own depot, in London: Belfast and the Highlands are far outside its 60 km.
        assertEquals(201, admin.post("api/depots", Json.createObjectBuilder().add("code", "PNW" + RUN).add("name", "Partner tests")
                .add("latitude", 51.5226).add("longitude", -0.1571).build()).status());
        for (String code : List.of(CHEAP, DEAR, FULL)) {
            SECRETS.put(code, admin.post("api/partners", Json.createObjectBuilder().add("code", code).add("name", code + " Ltd")
                    .build()).json().getString("clientSecret"));
        }
        Partners.covering(admin, CHEAP, List.of("BT"), "3.10", 50);
        Partners.covering(admin, DEAR, List.of("BT"), "4.00", 50);
        Partners.covering(admin, FULL, List.of("IV"), "1.00", 0);
        JsonObject webhook = admin.put("api/partners/" + CHEAP + "/callback", Json.createObjectBuilder().add("kind", "WEBHOOK")
                .add("url", "http://localhost:" + callbacks.port() + "/cheap").build()).json();
        SIGNING.put(CHEAP, webhook.getString("signingSecret"));
        JsonObject soap = admin.put("api/partners/" + DEAR + "/callback", Json.createObjectBuilder().add("kind", "SOAP")
                .add("url", "http://localhost:" + callbacks.port() + "/dear").build()).json();
        SIGNING.put(DEAR, soap.getString("signingSecret"));

        JsonObject view = admin.get("api/partners").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("code").equals(CHEAP)).findFirst().orElseThrow();
        assertEquals(List.of("BT"), view.getJsonObject("terms").getJsonArray("postcodePrefixes").getValuesAs(
                JsonString.class).stream().map(JsonString::getString).toList());
        assertFalse(view.toString().contains(SIGNING.get(CHEAP)), "the signing secret is shown once only");

        // Bad terms change nothing and say which fields are wrong.
        Api.Reply bad = admin.put("api/partners/" + CHEAP + "/terms", Json.createObjectBuilder()
                .add("countries", Json.createArrayBuilder().add("United Kingdom")).add("services", Json.createArrayBuilder().add("ASAP"))
                .add("dailyCapacity", -1).add("slaDays", 1).add("pricePerParcel", new BigDecimal("-1"))
                .add("weightBands", "heavy").build());
        assertProblem(bad, 400, "countries", "services", "dailyCapacity", "pricePerParcel", "weightBands");
    }

    @Test
    @Order(1)
    void aParcelNoDepotDeliversGoesToTheCheapestPartnerThatFitsWithTheReasonOnItsHistory() throws Exception {
        first = register("Conor Byrne", "1 Donegall Square", "BT1 5GS", 54.5964, -5.9301);
        assertEquals("OFFERED_TO_PARTNER", admin().get("api/parcels/" + first).json().getString("status"));
        JsonArray offers = admin().get("api/partners/allocation/parcels/" + first + "/offers").jsonArray();
        assertEquals(1, offers.size(), offers.toString());
        assertEquals(CHEAP, offers.getJsonObject(0).getString("partnerCode"));
        String reason = offers.getJsonObject(0).getString("reason");
        assertTrue(reason.contains("outside every depot's coverage") && reason.contains("cheapest"), reason);
        // 1.4 kg is in the first weight band (up to 5 kg, no surcharge), next-day: the price per parcel alone.
        assertEquals("3.10", offers.getJsonObject(0).getString("price"), offers.toString());
    }

    @Test
    @Order(2)
    void thePartnerSeesItsManifestWithoutTheRecipientUntilItAccepts() throws Exception {
        JsonArray manifest = partner(CHEAP).get("api/partner/manifest?day=" + DAY).jsonArray();
        JsonObject line = lineOf(manifest, first);
        assertEquals("OFFERED", line.getString("state"));
        assertFalse(line.containsKey("recipientName") || line.containsKey("recipientPhone") || line.containsKey("addressLine"),
                line.toString());
        assertEquals("BT1 5GS", line.getString("postcode"));
        Api.Reply csv = partner(CHEAP).get("api/partner/manifest?day=" + DAY, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("trackingId,state,") && csv.body().contains(first + ",OFFERED,"), csv.body());
        Api.Reply pdf = partner(CHEAP).get("api/partner/manifest?day=" + DAY, "Accept", "application/pdf");
        assertEquals(200, pdf.status());
        assertTrue(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        // Another partner neither sees it nor can take it.
        assertTrue(partner(DEAR).get("api/partner/manifest?day=" + DAY).jsonArray().stream()
                .noneMatch(v -> v.asJsonObject().getString("trackingId").equals(first)));
        assertProblem(partner(DEAR).post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", first)
                .add("partnerReference", "X").build()), 404);
    }

    @Test
    @Order(3)
    void aRefusalSendsTheParcelToTheNextPartnerWhichAcceptsItOverSoap() throws Exception {
        assertEquals(200, partner(CHEAP).post("api/partner/refusals", Json.createObjectBuilder().add("trackingId", first)
                .add("reason", "no van in Belfast tomorrow").build()).status());
        JsonArray offers = admin().get("api/partners/allocation/parcels/" + first + "/offers").jsonArray();
        assertEquals(2, offers.size(), offers.toString());
        assertEquals("no van in Belfast tomorrow", offers.getJsonObject(0).getString("refusalReason"));
        assertEquals(DEAR, offers.getJsonObject(1).getString("partnerCode"));
        assertTrue(offers.getJsonObject(1).getString("reason").contains("refused by " + CHEAP), offers.toString());

        PartnerNetwork dear = soap(DEAR, SECRETS.get(DEAR));
        assertEquals("OFFERED", soapLine(dear.getManifest(manifestOf(DAY)), first).getState());
        AcceptParcelRequest accept = new AcceptParcelRequest();
        accept.setTrackingId(first);
        accept.setPartnerReference("NIB-778");
        assertEquals("NIB-778", dear.acceptParcel(accept).getPartnerReference());
        ManifestLine accepted = soapLine(dear.getManifest(manifestOf(DAY)), first);
        assertEquals("ACCEPTED", accepted.getState());
        assertEquals("Conor Byrne", accepted.getRecipientName());
        assertEquals("1 Donegall Square", accepted.getAddressLine());
        assertEquals("HANDED_TO_PARTNER", admin().get("api/parcels/" + first).json().getString("status"));
        // The cheap partner, having refused, can no longer accept it: it was not offered to it any more.
        PartnerNetwork cheap = soap(CHEAP, SECRETS.get(CHEAP));
        AcceptParcelRequest late = new AcceptParcelRequest();
        late.setTrackingId(first);
        late.setPartnerReference("NIA-1");
        assertEquals("parcel-not-found", refusalCode(() -> cheap.acceptParcel(late)));
    }

    @Test
    @Order(4)
    void statusEventsOverSoapLandOnTheTimelineOnceInOccurrenceOrderAndContradictionsAreRefused() throws Exception {
        PartnerNetwork dear = soap(DEAR, SECRETS.get(DEAR));
        Instant now = Instant.now();
        ReportStatusBatchRequest batch = new ReportStatusBatchRequest();
        StatusEvent delivered = event("d-" + RUN, first, PartnerStatus.DELIVERED, now.minusSeconds(10));
        delivered.setReceivedBy("Conor Byrne");
        delivered.setLatitude(54.5964);
        delivered.setLongitude(-5.9301);
        delivered.setSignaturePng(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        // Sent after the delivery in the batch, but it happened before: applied first.
        batch.getEvent().add(delivered);
        batch.getEvent().add(event("o-" + RUN, first, PartnerStatus.OUT_FOR_DELIVERY, now.minusSeconds(30)));
        List<StatusResult> results = dear.reportStatusBatch(batch).getResult();
        assertEquals(List.of("APPLIED", "APPLIED"), results.stream().map(StatusResult::getResult).toList(), describe(results));

        // The same event again: acknowledged, nothing changes.
        ReportStatusRequest again = new ReportStatusRequest();
        again.setEvent(delivered);
        assertEquals("DUPLICATE", dear.reportStatus(again).getResult().getResult());
        // Older than the delivery and not final: history.
        ReportStatusRequest older = new ReportStatusRequest();
        older.setEvent(event("p-" + RUN, first, PartnerStatus.PICKED_UP, now.minusSeconds(50)));
        assertEquals("HISTORY", dear.reportStatus(older).getResult().getResult());
        // A failed attempt after the delivery contradicts it.
        ReportStatusRequest contradiction = new ReportStatusRequest();
        StatusEvent failed = event("f-" + RUN, first, PartnerStatus.ATTEMPT_FAILED, now.minusSeconds(5));
        failed.setReason("NOT_AT_HOME");
        failed.setLatitude(54.5964);
        failed.setLongitude(-5.9301);
        contradiction.setEvent(failed);
        StatusResult refused = dear.reportStatus(contradiction).getResult();
        assertEquals("REFUSED", refused.getResult());
        assertEquals("status-contradicts-parcel", refused.getCode());

        assertEquals("DELIVERED", admin().get("api/parcels/" + first).json().getString("status"));
        // Delivered, the parcel's recipient is no longer the partner's business.
        ManifestLine afterDelivery = soapLine(dear.getManifest(manifestOf(DAY)), first);
        assertEquals("DELIVERED", afterDelivery.getState());
        assertNull(afterDelivery.getRecipientName());
        assertNull(afterDelivery.getAddressLine());
        String timeline = Api.anonymous(root()).get("api/tracking/" + first + "?postcode=BT15GS").body();
        assertTrue(timeline.contains("Out for delivery with our delivery partner " + DEAR + " Ltd"), timeline);
        assertTrue(timeline.contains("Delivered, received by C. B."), timeline);
        assertTrue(timeline.contains("Collected by our delivery partner"), timeline);
        assertFalse(timeline.contains("not at home"), timeline);
        // A second partner cannot report on it: for it the parcel does not exist.
        StatusResult stranger = soap(CHEAP, SECRETS.get(CHEAP)).reportStatus(older).getResult();
        assertEquals("REFUSED", stranger.getResult());
        assertEquals("parcel-not-found", stranger.getCode());
    }

    @Test
    @Order(5)
    void aRecallReachesThePartnersCallbackSignedAndOnlyTheReturnMayFollow() throws Exception {
        second = register("Aoife Kelly", "20 Botanic Avenue", "BT7 1JG", 54.5870, -5.9340);
        Api cheap = partner(CHEAP);
        assertEquals(201, cheap.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", second)
                .add("partnerReference", "NIA-2").build()).status());
        Api dispatcher = admin();
        assertProblem(dispatcher.post("api/partners/allocation/recalls", Json.createObjectBuilder().add("trackingId", second)
                .build()), 400, "comment");
        assertEquals(200, dispatcher.post("api/partners/allocation/recalls", Json.createObjectBuilder().add("trackingId", second)
                .add("comment", "shipper asked for it back").build()).status());

        Recorder.Received notice = await(() -> callbacks.received().stream().filter(r -> r.path().equals("/cheap")
                && r.body().contains(second)).findFirst().orElse(null));
        JsonObject body = Json.createReader(new StringReader(notice.body())).readObject();
        assertEquals("parcel.recalled", body.getString("type"));
        assertEquals("NIA-2", body.getString("partnerReference"));
        assertSigned(notice, SIGNING.get(CHEAP));

        JsonArray refused = report(cheap, "r1-" + RUN, second, "OUT_FOR_DELIVERY", Instant.now());
        assertEquals("REFUSED", refused.getJsonObject(0).getString("result"), refused.toString());
        JsonArray back = report(cheap, "r2-" + RUN, second, "RETURNED_TO_CARRIER", Instant.now());
        assertEquals("APPLIED", back.getJsonObject(0).getString("result"), back.toString());
        assertEquals("REGISTERED", admin().get("api/parcels/" + second).json().getString("status"));
    }

    @Test
    @Order(6)
    void aRedirectionReachesThePartnerOverItsSoapCallback() throws Exception {
        String third = register("Niamh Walsh", "5 Lisburn Road", "BT9 6AA", 54.5830, -5.9410);
        // The cheap partner refused nothing of this one: it gets it; it refuses, and the dear one takes it.
        RefuseParcelRequest refusal = new RefuseParcelRequest();
        refusal.setTrackingId(third);
        refusal.setReason("full");
        assertEquals(third, soap(CHEAP, SECRETS.get(CHEAP)).refuseParcel(refusal).getTrackingId());
        RefuseParcelRequest notOffered = new RefuseParcelRequest();
        notOffered.setTrackingId(third);
        notOffered.setReason("again");
        PartnerNetwork cheap = soap(CHEAP, SECRETS.get(CHEAP));
        assertEquals("parcel-not-found", refusalCode(() -> cheap.refuseParcel(notOffered)));
        AcceptParcelRequest accept = new AcceptParcelRequest();
        accept.setTrackingId(third);
        accept.setPartnerReference("NIB-900");
        soap(DEAR, SECRETS.get(DEAR)).acceptParcel(accept);
        String link = admin().get("api/notifications?trackingId=" + third).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(n -> !n.isNull("selfServiceLink")).findFirst().orElseThrow().getString("selfServiceLink");
        String choices = "api/choices/" + third + "/redirect?sig=" + link.substring(link.indexOf("sig=") + 4);
        Api.Reply redirected = Api.anonymous(root()).put(choices, Json.createObjectBuilder().add("line", "77 Malone Road")
                .add("town", "Belfast").add("postcode", "BT9 6RU").add("country", "GB").add("latitude", 54.5720)
                .add("longitude", -5.9480).build());
        assertEquals(200, redirected.status(), redirected.body());

        Recorder.Received notice = await(() -> callbacks.received().stream().filter(r -> r.path().equals("/dear")
                && r.body().contains(third)).findFirst().orElse(null));
        assertTrue(notice.header("Content-Type").startsWith("text/xml"), notice.headers().toString());
        assertTrue(notice.body().contains("<n:type>parcel.redirected</n:type>"), notice.body());
        assertTrue(notice.body().contains("<n:addressLine>77 Malone Road</n:addressLine>"), notice.body());
        assertTrue(notice.body().contains("<n:partnerReference>NIB-900</n:partnerReference>"), notice.body());
        assertSigned(notice, SIGNING.get(DEAR));
    }

    @Test
    @Order(7)
    void aFailedAttemptFollowsTheCarriersPolicyAndAParcelNoPartnerCanTakeWaits() throws Exception {
        String fourth = register("Sean Doyle", "9 Ormeau Road", "BT7 1EB", 54.5900, -5.9250);
        Api cheap = partner(CHEAP);
        assertEquals(201, cheap.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", fourth)
                .add("partnerReference", "NIA-4").build()).status());
        JsonArray refusedAtDoor = cheap.post("api/partner/events", Json.createObjectBuilder().add("events",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("eventId", "x1-" + RUN).add("trackingId", fourth)
                        .add("status", "ATTEMPT_FAILED").add("occurredAt", Instant.now().minusSeconds(30).toString())
                        .add("reason", "REFUSED").add("latitude", 54.59).add("longitude", -5.925))
                        .add(Json.createObjectBuilder().add("eventId", "x2-" + RUN).add("trackingId", fourth)
                                .add("status", "TELEPORTED").add("occurredAt", "yesterday")))
                .build()).json().getJsonArray("results");
        assertEquals("APPLIED", refusedAtDoor.getJsonObject(0).getString("result"), refusedAtDoor.toString());
        assertEquals("REFUSED", refusedAtDoor.getJsonObject(1).getString("result"));
        assertTrue(refusedAtDoor.getJsonObject(1).toString().contains("occurredAt")
                && refusedAtDoor.getJsonObject(1).toString().contains("status"), refusedAtDoor.toString());
        // A refusal at the door sends it back to the sender (the policy): the partner must bring it back.
        assertEquals("RETURNING_TO_SENDER", admin().get("api/parcels/" + fourth).json().getString("status"));
        assertEquals("REFUSED", report(cheap, "x3-" + RUN, fourth, "OUT_FOR_DELIVERY", Instant.now()).getJsonObject(0)
                .getString("result"));
        assertEquals("APPLIED", report(cheap, "x4-" + RUN, fourth, "RETURNED_TO_CARRIER", Instant.now())
                .getJsonObject(0).getString("result"));

        // The Highlands: only a full partner covers them, so the parcel waits on the staff's list.
        String waiting = register("Morag Ross", "1 High Street", "IV1 1HY", 57.4778, -4.2247);
        assertEquals("AWAITING_PARTNER", admin().get("api/parcels/" + waiting).json().getString("status"));
        assertTrue(admin().get("api/partners/allocation/waiting").jsonArray().stream()
                .anyMatch(v -> v.asJsonObject().getString("trackingId").equals(waiting)));
        // Nowhere: no depot and no partner, refused with the reason.
        Api.Reply nowhere = admin().post("api/parcels", aParcel().to("Ada Le Page", "1 High Street", "GY1 1AA", 49.4550, -2.5360)
                .on(DAY).json());
        assertProblem(nowhere, 400, "address");
        assertTrue(nowhere.body().contains("no partner covers"), nowhere.body());
    }

    @Test
    @Order(8)
    void hostileXmlGetsAFaultInTheContractsWordsAndChangesNothing() throws Exception {
        Api partner = Api.anonymous(root()).withBasic(DEAR, SECRETS.get(DEAR));
        String ns = "https://lastmile.dev/partners/v2";
        String manifest = "<n:GetManifestRequest xmlns:n=\"" + ns + "\"><n:day>" + DAY + "</n:day></n:GetManifestRequest>";
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        List<String> attacks = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + envelope(
                        "<n:GetManifestRequest xmlns:n=\"" + ns + "\"><n:day>&x;</n:day></n:GetManifestRequest>"),
                "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                        + envelope("<n:RefuseParcelRequest xmlns:n=\"" + ns + "\"><n:trackingId>" + first
                        + "</n:trackingId><n:reason>&d;&d;&d;</n:reason></n:RefuseParcelRequest>"),
                envelope("<n:GetManifestRequest xmlns:n=\"" + ns + "\"><n:day>" + DAY + "</n:day>" + deep
                        + "</n:GetManifestRequest>"),
                envelope(manifest.replace("</n:GetManifestRequest>", "<n:pad>" + "x".repeat(9 << 20) + "</n:pad></n:GetManifestRequest>")));
        for (int i = 0; i < attacks.size(); i++) {
            Api.Reply fault = partner.soap("soap/partners/v2", ns + "/GetManifest", attacks.get(i));
            String said = "attack " + i + ": " + fault.body().substring(0, Math.min(600, fault.body().length()));
            assertEquals(500, fault.status(), said);
            assertTrue(fault.body().contains("Client</faultcode>"), said);
            assertTrue(fault.body().contains("partner network contract (partner-network-v2.wsdl)"), said);
            for (String internal : List.of("root:", "Exception", "java.", "com.sun", "DOCTYPE")) {
                assertFalse(fault.body().contains(internal), internal + " in " + fault.body());
            }
        }
        assertEquals("DELIVERED", admin().get("api/parcels/" + first).json().getString("status"));
    }

    @Test
    @Order(9)
    void managersReadEachPartnersMonthWithItsSettlement() throws Exception {
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        JsonObject dear = admin().get("api/partners/" + DEAR + "/statements/" + month).json();
        assertEquals(1, dear.getInt("delivered"), dear.toString());
        assertEquals(1, dear.getInt("onTime"), dear.toString());
        assertEquals(1, dear.getInt("firstAttempt"), dear.toString());
        assertEquals(1, dear.getInt("proofsComplete"), dear.toString());
        assertEquals(0, new BigDecimal("4.00").compareTo(dear.getJsonNumber("total").bigDecimalValue()), dear.toString());
        JsonObject cheap = admin().get("api/partners/" + CHEAP + "/statements/" + month).json();
        assertEquals(2, cheap.getInt("refusals"), cheap.toString());
        assertEquals(0, cheap.getInt("delivered"), cheap.toString());
        Api.Reply csv = admin().get("api/partners/" + DEAR + "/statements/" + month, "Accept", "text/csv");
        assertTrue(csv.body().contains(first + ",") && csv.body().contains("total,,,,,,4.00"), csv.body());
        Api.Reply pdf = admin().get("api/partners/" + DEAR + "/statements/" + month, "Accept", "application/pdf");
        assertTrue(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertProblem(partner(DEAR).get("api/partners/" + DEAR + "/statements/" + month), 403);
    }

    @Test
    @Order(10)
    void aShipperCancelsParcelsOfferedAndHandedToAPartnerAndThePartnerIsTold() throws Exception {
        String offered = register("Liam Quinn", "3 Ann Street", "BT1 4EF", 54.5990, -5.9270);
        String handed = register("Orla Brady", "7 Arthur Street", "BT1 4GA", 54.5985, -5.9280);
        Api cheap = partner(CHEAP);
        assertEquals(201, cheap.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", handed)
                .add("partnerReference", "NIA-9").build()).status());
        for (String trackingId : List.of(offered, handed)) {
            Api.Reply cancelled = admin().post("api/parcels/" + trackingId + "/cancellation", Json.createObjectBuilder().build());
            assertEquals(200, cancelled.status(), cancelled.body());
            assertEquals("CANCELLED", cancelled.json().getString("status"));
            Recorder.Received notice = await(() -> callbacks.received().stream().filter(r -> r.path().equals("/cheap")
                    && r.body().contains(trackingId) && r.body().contains("parcel.cancelled")).findFirst().orElse(null));
            assertSigned(notice, SIGNING.get(CHEAP));
        }
        assertTrue(cheap.get("api/partner/manifest?day=" + DAY).jsonArray().stream()
                .noneMatch(v -> v.asJsonObject().getString("trackingId").equals(offered)), "withdrawn from the manifest");
        assertEquals("REFUSED", report(cheap, "c1-" + RUN, handed, "OUT_FOR_DELIVERY", Instant.now()).getJsonObject(0)
                .getString("result"));
        assertEquals("APPLIED", report(cheap, "c2-" + RUN, handed, "RETURNED_TO_CARRIER", Instant.now()).getJsonObject(0)
                .getString("result"));
        assertEquals("CANCELLED", admin().get("api/parcels/" + handed).json().getString("status"));
        String timeline = Api.anonymous(root()).get("api/tracking/" + handed + "?postcode=BT14GA").body();
        assertTrue(timeline.contains("Cancelled by the sender."), timeline);
        // Delivered, it stays delivered.
        assertProblem(admin().post("api/parcels/" + first + "/cancellation", Json.createObjectBuilder().build()), 409);
    }

    @Test
    @Order(11)
    void parcelsAPublishedPlanLeavesOutForWantOfCapacityGoToAPartner() throws Exception {
        Api admin = admin();
        String depot = "PCB" + RUN;
        assertEquals(201, admin.post("api/depots", Json.createObjectBuilder().add("code", depot).add("name", "Cambridge")
                .add("latitude", 52.2053).add("longitude", 0.1218).build()).status());
        assertEquals(201, admin.post("api/depots/" + depot + "/vehicles", Json.createObjectBuilder()
                .add("registration", depot + " V1").add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 1)
                .build()).status());
        assertEquals(201, admin.post("api/depots/" + depot + "/drivers", Json.createObjectBuilder().add("name", "Cam Driver")
                .build()).status());
        String courier = "CBX" + RUN;
        SECRETS.put(courier, admin.post("api/partners", Json.createObjectBuilder().add("code", courier).add("name", "Cam Couriers")
                .build()).json().getString("clientSecret"));
        Partners.covering(admin, courier, List.of("CB"), "2.00", 10);
        List<String> parcels = List.of(register("Ann Fen", "1 Trumpington Street", "CB2 1RB", 52.2010, 0.1180),
                register("Ben Fen", "2 Trumpington Street", "CB2 1RB", 52.2012, 0.1181),
                register("Cat Fen", "3 Trumpington Street", "CB2 1RB", 52.2014, 0.1182));
        JsonObject plan = admin.post("api/plans", Json.createObjectBuilder().add("depot", depot).add("date", DAY.toString())
                .build()).json();
        assertEquals(2, plan.getJsonArray("unplaced").size(), plan.toString());
        long offered = parcels.stream().filter(p -> {
            try {
                return admin().get("api/parcels/" + p).json().getString("status").equals("OFFERED_TO_PARTNER");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertEquals(2, offered, "the two the van could not take");
        JsonArray manifest = partner(courier).get("api/partner/manifest?day=" + DAY).jsonArray();
        assertEquals(2, manifest.size(), manifest.toString());
        String unplaced = manifest.getJsonObject(0).getString("trackingId");
        String reason = admin.get("api/partners/allocation/parcels/" + unplaced + "/offers").jsonArray().getJsonObject(0)
                .getString("reason");
        assertTrue(reason.contains("left unplaced by planning (NO_CAPACITY_LEFT)"), reason);
    }

    private String register(String name, String line, String postcode, double latitude, double longitude) throws Exception {
        Api.Reply created = admin().post("api/parcels", aParcel().to(name, line, postcode, latitude, longitude).on(DAY).json());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("trackingId");
    }

    private static JsonArray report(Api partner, String eventId, String trackingId, String status, Instant at) {
        return partner.post("api/partner/events", Json.createObjectBuilder().add("events", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("eventId", eventId).add("trackingId", trackingId).add("status", status)
                        .add("occurredAt", at.toString()))).build()).json().getJsonArray("results");
    }

    private static JsonObject lineOf(JsonArray manifest, String trackingId) {
        return manifest.getValuesAs(JsonObject.class).stream().filter(l -> l.getString("trackingId").equals(trackingId))
                .findFirst().orElseThrow(() -> new AssertionError(trackingId + " not in " + manifest));
    }

    private static ManifestLine soapLine(GetManifestResponse manifest, String trackingId) {
        return manifest.getLine().stream().filter(l -> l.getTrackingId().equals(trackingId)).findFirst()
                .orElseThrow(() -> new AssertionError(trackingId + " not in the SOAP manifest"));
    }

    private PartnerNetwork soap(String code, String secret) throws Exception {
        PartnerNetwork port = new PartnerNetworkService(root().resolve("soap/partners/v2?wsdl").toURL()).getPartnerNetworkPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, root().resolve("soap/partners/v2").toString());
        context.put(BindingProvider.USERNAME_PROPERTY, code);
        context.put(BindingProvider.PASSWORD_PROPERTY, secret);
        return port;
    }

    private static GetManifestRequest manifestOf(LocalDate day) throws Exception {
        GetManifestRequest request = new GetManifestRequest();
        request.setDay(DatatypeFactory.newInstance().newXMLGregorianCalendar(day.toString()));
        return request;
    }

    private static StatusEvent event(String id, String trackingId, PartnerStatus status, Instant at) throws Exception {
        StatusEvent event = new StatusEvent();
        event.setEventId(id);
        event.setTrackingId(trackingId);
        event.setStatus(status);
        XMLGregorianCalendar time = DatatypeFactory.newInstance().newXMLGregorianCalendar(at.toString());
        event.setOccurredAt(time);
        return event;
    }

    private interface SoapCall {
        Object call() throws PartnerRequestRefused_Exception;
    }

    private static String refusalCode(SoapCall call) {
        try {
            call.call();
            throw new AssertionError("accepted");
        } catch (PartnerRequestRefused_Exception refused) {
            return refused.getFaultInfo().getCode();
        }
    }

    private static String describe(List<StatusResult> results) {
        return results.stream().map(r -> r.getEventId() + ":" + r.getResult() + ":" + r.getCode() + ":" + r.getReason())
                .toList().toString();
    }

    /** The signature scheme of every Lastmile callback: HMAC-SHA256 over "timestamp.body". */
    private static void assertSigned(Recorder.Received received, String secret) throws Exception {
        String header = received.header("X-Lastmile-Signature");
        assertNotNull(header, "signature header");
        String timestamp = header.replaceAll(".*t=(\\d+).*", "$1");
        String signature = header.replaceAll(".*v1=([0-9a-f]+).*", "$1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals(HexFormat.of().formatHex(mac.doFinal((timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8))),
                signature);
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("nothing arrived within 60 s; received: " + callbacks.received());
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    private static LocalDate weekday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2) : day.getDayOfWeek() == DayOfWeek.SUNDAY
                ? day.plusDays(1) : day;
    }
}
