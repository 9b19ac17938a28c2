package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One parcel's journey through every module of the deployed EAR: registered by a shipper, planned
 * onto a route, delivered with proof, followed on the public tracking, returned, reported; and
 * parcels handed to a partner 3PL over SOAP and REST.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParcelJourneyIT {

    private static final String DEPOT = "JRN" + (1000 + new Random().nextInt(9000));
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static String trackingId;
    private static long routeId;
    private static long driverId;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    private Api api() throws Exception {
        Api api = new Api(URI.create(base.toExternalForm().replaceAll("/?$", "/")));
        return api.asShipper(Shippers.standardKey(api));
    }

    @Test
    @Order(0)
    void theBackOfficeOpensADepotWithAVanAndADriver() throws Exception {
        Api api = api();
        assertEquals(201, api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Journey depot")
                .add("latitude", 51.5226).add("longitude", -0.1571).build()).status());
        assertEquals(201, api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder()
                .add("registration", DEPOT + " V1").add("type", "VAN").add("capacityKg", 600).add("capacityParcels", 60)
                .build()).status());
        Api.Reply driver = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Sam Okafor").build());
        assertEquals(201, driver.status());
        driverId = driver.json().getJsonNumber("id").longValue();
    }

    @Test
    @Order(1)
    void aShipperRegistersAParcelAndReadsItBack() throws Exception {
        Api.Reply created = api().post("api/parcels", aParcel().on(TODAY).reference("ORD-" + DEPOT).json());
        assertEquals(201, created.status(), created.body());
        trackingId = created.json().getString("trackingId");
        assertTrue(trackingId.matches("\\d{18}"), trackingId);
        assertTrue(created.json().getString("depot").equals(DEPOT));

        Api.Reply read = api().get("api/parcels/" + trackingId);
        assertEquals(200, read.status());
        assertEquals("REGISTERED", read.json().getString("status"));
        assertEquals("Ada Lovelace", read.json().getString("recipientName"));
        assertEquals("NW1 6XE", read.json().getJsonObject("address").getString("postcode"));
    }

    @Test
    @Order(2)
    void planningTheDepotsDayPutsTheParcelOnARouteWithAnEta() throws Exception {
        Api.Reply plan = api().post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", TODAY.toString()).build());
        assertEquals(200, plan.status(), plan.body());
        JsonObject route = plan.json().getJsonArray("routes").getJsonObject(0);
        routeId = route.getJsonNumber("id").longValue();
        JsonObject stop = route.getJsonArray("stops").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("trackingId").equals(trackingId)).findFirst().orElseThrow();
        assertEquals(1, stop.getInt("sequence"));
        assertTrue(stop.getString("eta").startsWith(TODAY.toString()), stop.toString());
        assertEquals(DEPOT + " V1", route.getString("vehicle"));
        assertEquals("Sam Okafor", route.getString("driver"));

        assertEquals(routeId, api().get("api/routes/" + routeId).json().getJsonNumber("id").longValue());
        assertEquals("PLANNED", api().get("api/parcels/" + trackingId).json().getString("status"));
    }

    @Test
    @Order(3)
    void theDriversHandheldRecordsTheDeliveryWithSignatureAndGps() throws Exception {
        String token = Handhelds.issue(api(), driverId);
        Api.Reply departed = api().post("api/handheld/routes/" + routeId + "/departure", JsonValue.EMPTY_JSON_OBJECT, token);
        assertEquals(200, departed.status(), departed.body());
        assertEquals(1, departed.json().getInt("parcelsOutForDelivery"));

        Api.Reply delivered = Handhelds.send(api(), token, Handhelds.delivered(trackingId, Instant.now(),
                51.5227, -0.1572, Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Ada Lovelace")
                        .add("signaturePng", signaturePng())));
        assertEquals(200, delivered.status(), delivered.body());
        assertEquals(1, delivered.json().getInt("stored"), delivered.body());
        assertEquals("DELIVERED", api().get("api/parcels/" + trackingId).json().getString("status"));
    }

    @Test
    @Order(4)
    void publicTrackingShowsTheWholeTimelineFedByTheOtherModules() throws Exception {
        Api.Reply tracking = api().get("api/tracking/" + trackingId + "?postcode=nw16xe");
        assertEquals(200, tracking.status(), tracking.body());
        List<String> codes = tracking.json().getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .map(step -> step.getString("code")).toList();
        assertEquals(List.of("CREATED", "PLANNED", "OUT_FOR_DELIVERY", "DELIVERED"), codes);
        assertEquals("London", tracking.json().getString("town"));
        assertFalse(tracking.body().contains("Lovelace"), "the public timeline must not name the recipient");

        assertEquals(404, api().get("api/tracking/" + trackingId + "?postcode=SW1A1AA").status());
    }

    @Test
    @Order(5)
    void aPartnerAcceptsAHandedOverParcelOverSoapAndAnotherOverRest() throws Exception {
        String secret = Partners.register(api(), "DPX");
        Api anonymous = Api.anonymous(api().base());
        String soapParcel = api().post("api/parcels", aParcel().on(TODAY.plusDays(1)).json()).json().getString("trackingId");
        Partners.offer(api(), "DPX", soapParcel);
        Api.Reply soap = anonymous.withBasic("DPX", secret).soap("soap/partners/handoff", "https://lastmile.dev/partners/handoff/v1/AcceptHandoff",
                Soap.acceptHandoff("DPX", soapParcel, "DPX-778812"));
        assertEquals(200, soap.status(), soap.body());
        assertEquals(soapParcel, Soap.text(soap.body(), "trackingId"));
        assertTrue(Long.parseLong(Soap.text(soap.body(), "handoffId")) > 0);
        assertEquals("HANDED_TO_PARTNER", api().get("api/parcels/" + soapParcel).json().getString("status"));
        assertTrue(api().get("api/tracking/" + soapParcel + "?postcode=NW1%206XE").body().contains("HANDED_TO_PARTNER"));

        String restParcel = api().post("api/parcels", aParcel().on(TODAY.plusDays(1)).json()).json().getString("trackingId");
        Partners.offer(api(), "DPX", restParcel);
        Api partner = Partners.signedIn(anonymous, "DPX", secret);
        Api.Reply rest = partner.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", restParcel)
                .add("partnerReference", "DPX-778813").build());
        assertEquals(201, rest.status(), rest.body());
        assertEquals("DPX", rest.json().getString("partnerCode"));

        long handoffs = TestDatabase.count("handoff");
        Api.Reply again = partner.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", restParcel)
                .add("partnerReference", "DPX-778813").build());
        assertEquals(404, again.status(), again.body());
        assertEquals(handoffs, TestDatabase.count("handoff"), "a refused handoff writes nothing");
    }

    @Test
    @Order(6)
    void aReturnOfTheDeliveredParcelGetsATrackingIdOfItsOwn() throws Exception {
        Api.Reply opened = api().post("api/returns", Json.createObjectBuilder().add("trackingId", trackingId)
                .add("reason", "Wrong size").build());
        assertEquals(201, opened.status(), opened.body());
        String returnId = opened.json().getString("returnTrackingId");
        assertTrue(returnId.matches("1\\d{17}"), returnId);
        assertNotEquals(trackingId, returnId);
        assertEquals(trackingId, api().get("api/returns/" + returnId).json().getString("parcelTrackingId"));
        assertTrue(api().get("api/tracking/" + trackingId + "?postcode=NW16XE").body().contains("RETURN_OPENED"));
        assertEquals(409, api().post("api/returns", Json.createObjectBuilder().add("trackingId", trackingId)
                .add("reason", "Again").build()).status());
    }

    @Test
    @Order(7)
    void theDailyDeliveryReportListsTheParcelInItsPdf() throws Exception {
        Api.Reply report = api().get("api/reports/depots/" + DEPOT + "/deliveries/" + TODAY);
        assertEquals(200, report.status(), report.body());
        assertTrue(report.contentType().startsWith("application/pdf"), report.contentType());
        try (PDDocument pdf = Loader.loadPDF(report.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(trackingId), text);
            assertTrue(text.contains("Ada Lovelace"), text);
            assertTrue(text.contains("Parcels delivered: 1"), text);
        }
    }

    static String signaturePng() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0x0000ff);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
