package dev.lastmile.it;

import static dev.lastmile.it.Handhelds.delivered;
import static dev.lastmile.it.Handhelds.failed;
import static dev.lastmile.it.Handhelds.scan;
import static dev.lastmile.it.Handhelds.send;
import static dev.lastmile.it.Parcels.aParcel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A depot's day as the drivers' handhelds report it: manifests, load-out, every kind of outcome,
 * failed attempts and their policy, geofence exceptions, offline batches sent twice, cut short and
 * out of order, day close with a missing parcel, and the ePOD certificate.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProofOfDeliveryIT {

    private static final String DEPOT = "POD" + (1000 + new Random().nextInt(9000));
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    /** Stratford: far from the other tests' depots, so every parcel here is this depot's. */
    private static final double LAT = 51.5416;
    private static final double LON = -0.0032;

    private static final Map<String, String> tokenOfDriver = new HashMap<>();
    private static final Map<String, JsonObject> stopOf = new HashMap<>();
    private static final List<String> routeA = new ArrayList<>();
    private static final List<String> routeB = new ArrayList<>();
    private static long routeIdA;
    private static long routeIdB;
    private static String tokenA;
    private static String tokenB;
    private static String highValue;
    private static String highValuePin;
    private static String highValueToken;

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

    /** When planning finished: every handheld event of this test happens after it, in a chosen order. */
    private static Instant planned;

    /** An event time: {@code step} seconds after the day was planned (in the past, or within the handheld clock tolerance). */
    private static Instant at(long step) {
        return planned.plusSeconds(step);
    }

    private static double lat(String trackingId) {
        return stopOf.get(trackingId).getJsonNumber("latitude").doubleValue();
    }

    private static double lon(String trackingId) {
        return stopOf.get(trackingId).getJsonNumber("longitude").doubleValue();
    }

    private String status(String trackingId) {
        return api().get("api/parcels/" + trackingId).json().getString("status");
    }

    @Test
    @Order(0)
    void aDepotsDayIsPlannedOntoTwoRoutesWithAHandheldPerDriver() {
        Api api = api();
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Stratford")
                .add("latitude", LAT).add("longitude", LON).build());
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", DEPOT + " A")
                .add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 7).build());
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", DEPOT + " B")
                .add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 9).build());
        for (String name : List.of("Ann Driver", "Ben Driver")) {
            long id = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", name).build())
                    .json().getJsonNumber("id").longValue();
            tokenOfDriver.put(name, Handhelds.issue(api, id));
        }
        for (int i = 0; i < 15; i++) {
            Parcels parcel = aParcel().to("Recipient " + i, (i + 1) + " Stratford High Street", "E15 2PJ",
                    LAT + 0.001 * (i + 1), LON + 0.0007 * (i % 5)).on(TODAY);
            api.post("api/parcels", (i == 3 ? parcel.safePlace("Behind the blue gate") : parcel).json());
        }
        JsonObject precious = api.post("api/parcels", aParcel().to("Rich Recipient", "99 Stratford High Street", "E15 2PJ",
                LAT + 0.0005, LON).on(TODAY).worth(900).json()).json();
        highValue = precious.getString("trackingId");
        highValuePin = precious.getString("deliveryPin");
        assertTrue(highValuePin.matches("\\d{4}"), precious.toString());

        JsonObject plan = api.post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", TODAY.toString())
                .build()).json();
        List<JsonObject> routes = plan.getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .sorted(java.util.Comparator.comparing((JsonObject r) -> r.getString("vehicle"))).toList();
        assertEquals(2, routes.size(), plan.toString());
        assertTrue(plan.getJsonArray("unplaced").isEmpty(), plan.toString());
        routeIdA = routes.get(0).getJsonNumber("id").longValue();
        routeIdB = routes.get(1).getJsonNumber("id").longValue();
        tokenA = tokenOfDriver.get(routes.get(0).getString("driver"));
        tokenB = tokenOfDriver.get(routes.get(1).getString("driver"));
        collect(routes.get(0), routeA, tokenA);
        collect(routes.get(1), routeB, tokenB);
        planned = Instant.now();
    }

    private static void collect(JsonObject route, List<String> parcels, String token) {
        for (JsonObject stop : route.getJsonArray("stops").getValuesAs(JsonObject.class)) {
            String trackingId = stop.getString("trackingId");
            stopOf.put(trackingId, stop);
            if (trackingId.equals(highValue)) {
                highValueToken = token;
            } else {
                parcels.add(trackingId);
            }
        }
    }

    @Test
    @Order(1)
    void eachDriverSeesOnlyTheirOwnManifestWithWhatTheyNeedAtTheDoor() {
        JsonObject manifest = api().get("api/handheld/manifest?date=" + TODAY, tokenA).json();
        List<JsonObject> routes = manifest.getJsonArray("routes").getValuesAs(JsonObject.class);
        assertEquals(1, routes.size());
        assertEquals(routeIdA, routes.get(0).getJsonNumber("routeId").longValue());
        List<JsonObject> stops = routes.get(0).getJsonArray("stops").getValuesAs(JsonObject.class);
        assertEquals(routeA.size() + (highValueToken.equals(tokenA) ? 1 : 0), stops.size());
        JsonObject first = stops.get(0);
        assertEquals("(00)" + first.getString("trackingId"), first.getString("barcode"));
        assertEquals(1, first.getInt("sequence"));

        List<JsonObject> all = new ArrayList<>(stops);
        all.addAll(api().get("api/handheld/manifest?date=" + TODAY, tokenB).json().getJsonArray("routes")
                .getJsonObject(0).getJsonArray("stops").getValuesAs(JsonObject.class));
        JsonObject precious = all.stream().filter(s -> s.getString("trackingId").equals(highValue)).findFirst().orElseThrow();
        assertTrue(precious.getBoolean("pinRequired"));
        assertTrue(all.stream().anyMatch(s -> "Behind the blue gate".equals(s.getString("safePlace", null))
                && "Ring twice".equals(s.getString("instructions", null))));
    }

    @Test
    @Order(2)
    void aParcelLoadedOntoTheWrongVehicleIsRefusedWithWhereItBelongs() {
        Api.Reply wrong = send(api(), tokenA, scan("LOAD_OUT", routeB.get(0), at(80)));
        JsonObject result = wrong.json().getJsonArray("results").getJsonObject(0);
        assertEquals("REJECTED", result.getString("status"));
        assertEquals("parcel-not-on-your-route", result.getString("problem"));
        assertTrue(result.getString("detail").contains(DEPOT + " B"), result.toString());
        assertEquals("PLANNED", status(routeB.get(0)));
    }

    @Test
    @Order(3)
    void loadOutPutsTheRoutesParcelsOutForDeliveryAndTheSameBatchTwiceIsStoredOnce() {
        List<JsonObject> loadOut = routeA.stream().map(id -> scan("LOAD_OUT", id, at(80))).toList();
        Api.Reply first = send(api(), tokenA, loadOut.toArray(JsonObject[]::new));
        assertEquals(routeA.size(), first.json().getInt("stored"), first.body());
        long stored = TestDatabase.count("scan_event");

        Api.Reply again = send(api(), tokenA, loadOut.toArray(JsonObject[]::new));
        assertEquals(routeA.size(), again.json().getInt("duplicates"), again.body());
        assertEquals(0, again.json().getInt("stored"));
        assertEquals(stored, TestDatabase.count("scan_event"), "a re-sent batch stores nothing twice");
        routeA.forEach(id -> assertEquals("OUT_FOR_DELIVERY", status(id)));
    }

    @Test
    @Order(4)
    void everyWayOfHandingOverIsRecordedWithItsEvidence() throws Exception {
        Api.Reply reply = send(api(), tokenA,
                delivered(routeA.get(0), at(100), lat(routeA.get(0)), lon(routeA.get(0)), Json.createObjectBuilder()
                        .add("method", "RECIPIENT").add("receivedBy", "Recipient Zero").add("signaturePng", image("png"))),
                delivered(routeA.get(1), at(101), lat(routeA.get(1)), lon(routeA.get(1)), Json.createObjectBuilder()
                        .add("method", "NEIGHBOUR").add("receivedBy", "Nina Neighbour").add("neighbourHouse", "No. 14")
                        .add("signaturePng", image("png"))),
                delivered(routeA.get(2), at(102), lat(routeA.get(2)), lon(routeA.get(2)), Json.createObjectBuilder()
                        .add("method", "SAFE_PLACE").add("photosJpeg", Json.createArrayBuilder().add(image("jpg")))),
                delivered(routeA.get(3), at(103), lat(routeA.get(3)), lon(routeA.get(3)), Json.createObjectBuilder()
                        .add("method", "LOCKER").add("lockerCompartment", "B12")),
                delivered(routeA.get(4), at(104), lat(routeA.get(4)), lon(routeA.get(4)), Json.createObjectBuilder()
                        .add("method", "CONTACTLESS").add("photosJpeg", Json.createArrayBuilder().add(image("jpg")))));
        assertEquals(5, reply.json().getInt("stored"), reply.body());
        routeA.subList(0, 5).forEach(id -> assertEquals("DELIVERED", status(id)));
        String neighbour = api().get("api/tracking/" + routeA.get(1) + "?postcode=E152PJ").body();
        assertTrue(neighbour.contains("neighbour"), neighbour);
    }

    @Test
    @Order(5)
    void aHighValueParcelIsHandedOverOnlyAgainstTheRecipientsPin() throws Exception {
        JsonObjectBuilder wrongPin = Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Rich Recipient")
                .add("signaturePng", image("png")).add("pin", highValuePin.equals("0000") ? "1111" : "0000");
        JsonObject refused = send(api(), highValueToken, delivered(highValue, at(105), LAT + 0.0005, LON, wrongPin))
                .json().getJsonArray("results").getJsonObject(0);
        assertEquals("REJECTED", refused.getString("status"));
        assertEquals("delivery.pin", refused.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertFalse(status(highValue).equals("DELIVERED"));

        JsonObjectBuilder rightPin = Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Rich Recipient")
                .add("signaturePng", image("png")).add("pin", highValuePin);
        assertEquals(1, send(api(), highValueToken, delivered(highValue, at(106), LAT + 0.0005, LON, rightPin))
                .json().getInt("stored"));
        assertEquals("DELIVERED", status(highValue));
    }

    @Test
    @Order(6)
    void failedAttemptsFollowThePolicyReattemptReturnToSenderOrHold() {
        Api.Reply reply = send(api(), tokenB,
                failed(routeB.get(0), at(110), lat(routeB.get(0)), lon(routeB.get(0)), "NOT_AT_HOME"),
                failed(routeB.get(1), at(111), lat(routeB.get(1)), lon(routeB.get(1)), "REFUSED"),
                failed(routeB.get(2), at(112), lat(routeB.get(2)), lon(routeB.get(2)), "DAMAGED"));
        assertEquals(3, reply.json().getInt("stored"), reply.body());

        JsonObject reattempt = api().get("api/parcels/" + routeB.get(0)).json();
        assertEquals("REGISTERED", reattempt.getString("status"));
        assertTrue(LocalDate.parse(reattempt.getString("deliveryDate")).isAfter(TODAY), reattempt.toString());
        assertEquals(1, reattempt.getInt("failedAttempts"));

        assertEquals("RETURNING_TO_SENDER", status(routeB.get(1)));
        String returned = api().get("api/tracking/" + routeB.get(1) + "?postcode=E15 2PJ".replace(" ", "%20")).body();
        assertTrue(returned.contains("ATTEMPT_FAILED") && returned.contains("RETURN_OPENED"), returned);

        assertEquals("HELD_AT_DEPOT", status(routeB.get(2)));
    }

    @Test
    @Order(7)
    void eventsFromAnOfflineHandheldArrivingOutOfOrderEndInTheRightState() {
        String late = routeB.get(3);
        assertEquals(1, send(api(), tokenB, delivered(late, at(170), lat(late), lon(late), Json.createObjectBuilder()
                .add("method", "LOCKER").add("lockerCompartment", "A1"))).json().getInt("stored"));
        assertEquals(1, send(api(), tokenB, scan("LOAD_OUT", late, at(120))).json().getInt("stored"));
        assertEquals("DELIVERED", status(late));
        List<String> codes = api().get("api/tracking/" + late + "?postcode=E152PJ").json().getJsonArray("timeline")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("code")).toList();
        assertEquals(List.of("CREATED", "PLANNED", "OUT_FOR_DELIVERY", "DELIVERED"), codes);

        String history = routeB.get(4);
        send(api(), tokenB, delivered(history, at(180), lat(history), lon(history), Json.createObjectBuilder()
                .add("method", "LOCKER").add("lockerCompartment", "A2")));
        JsonObject earlierAttempt = send(api(), tokenB, failed(history, at(150), lat(history), lon(history), "NOT_AT_HOME"))
                .json().getJsonArray("results").getJsonObject(0);
        assertEquals("STORED", earlierAttempt.getString("status"), earlierAttempt.toString());
        assertEquals("DELIVERED", status(history));
    }

    @Test
    @Order(8)
    void aBatchInterruptedMidUploadAndSentAgainStoresEveryEventExactlyOnce() {
        List<JsonObject> batch = List.of(scan("ARRIVED", routeB.get(5), at(130)), scan("ARRIVED", routeB.get(6), at(131)),
                scan("ARRIVED", routeB.get(7), at(132)), scan("ARRIVED", routeB.get(5), at(133)));
        long before = TestDatabase.count("scan_event");
        send(api(), tokenB, batch.subList(0, 2).toArray(JsonObject[]::new));
        JsonObject resent = send(api(), tokenB, batch.toArray(JsonObject[]::new)).json();
        assertEquals(2, resent.getInt("duplicates"), resent.toString());
        assertEquals(2, resent.getInt("stored"));
        assertEquals(before + 4, TestDatabase.count("scan_event"));
    }

    @Test
    @Order(9)
    void badEventsAreRejectedOneByOneAndTheGoodOnesOfTheBatchAreStored() throws Exception {
        String wrongCheckDigit = routeB.get(5).substring(0, 17) + ((routeB.get(5).charAt(17) - '0' + 1) % 10);
        long proofs = TestDatabase.count("delivery_proof");
        Api.Reply reply = send(api(), tokenB,
                scan("LOAD_OUT", wrongCheckDigit, at(140)),
                failed(routeB.get(5), at(141), 123.0, 0.0, "NOT_AT_HOME"),
                delivered(routeB.get(5), at(142), lat(routeB.get(5)), lon(routeB.get(5)), Json.createObjectBuilder()
                        .add("method", "RECIPIENT").add("receivedBy", "X").add("signaturePng", image("jpg"))),
                delivered(routeB.get(3), at(143), lat(routeB.get(3)), lon(routeB.get(3)), Json.createObjectBuilder()
                        .add("method", "LOCKER").add("lockerCompartment", "A9")),
                scan("LOAD_OUT", routeA.get(5), at(144)),
                scan("ARRIVED", routeB.get(6), at(145)));
        List<JsonObject> results = reply.json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals("trackingId", results.get(0).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("location", results.get(1).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("delivery.signaturePng", results.get(2).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("parcel-already-delivered", results.get(3).getString("problem"));
        assertEquals("parcel-not-on-your-route", results.get(4).getString("problem"));
        assertEquals("STORED", results.get(5).getString("status"));
        assertEquals(5, reply.json().getInt("rejected"));
        assertEquals(proofs, TestDatabase.count("delivery_proof"));
    }

    @Test
    @Order(10)
    void deliveriesFarFromTheAddressOrOutsideTheRoutesTimeGoToStaffReview() throws Exception {
        String far = routeA.get(5);
        String early = routeB.get(7);
        send(api(), tokenA, scan("LOAD_OUT", far, at(150)));
        send(api(), tokenA, delivered(far, at(155), lat(far) + 0.02, lon(far), Json.createObjectBuilder()
                .add("method", "RECIPIENT").add("receivedBy", "Far Away").add("signaturePng", image("png"))));
        Instant yesterdayNight = TODAY.atStartOfDay(ZoneId.of("Europe/London")).minusHours(1).toInstant();
        send(api(), tokenB, delivered(early, yesterdayNight, lat(early), lon(early), Json.createObjectBuilder()
                .add("method", "LOCKER").add("lockerCompartment", "C3")));

        List<JsonObject> exceptions = api().get("api/pod/exceptions").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(exceptions.stream().anyMatch(x -> x.getString("trackingId").equals(far)
                && x.getString("kind").equals("FAR_FROM_ADDRESS") && x.getString("detail").contains("m from the address")
                && !x.isNull("proofId")), exceptions.toString());
        assertTrue(exceptions.stream().anyMatch(x -> x.getString("trackingId").equals(early)
                && x.getString("kind").equals("OUTSIDE_ROUTE_TIME")), exceptions.toString());
        assertFalse(exceptions.stream().anyMatch(x -> x.getString("trackingId").equals(routeA.get(0))
                && x.getString("kind").equals("FAR_FROM_ADDRESS")), "a delivery at the door is not an exception");
    }

    @Test
    @Order(11)
    void dayCloseReconcilesTheRouteAndAMissingParcelRaisesAnException() throws Exception {
        var scannedBack = Json.createArrayBuilder().add(routeB.get(0)).add(routeB.get(1)).add(routeB.get(2)).add(routeB.get(6));
        List<String> untouched = routeB.subList(8, routeB.size());
        untouched.forEach(scannedBack::add);
        JsonObject closed = api().post("api/handheld/routes/" + routeIdB + "/close", Json.createObjectBuilder()
                .add("scannedBack", scannedBack).build(), tokenB).json();
        assertEquals(List.of(routeB.get(5)), ids(closed, "missing"));
        List<String> back = new ArrayList<>(List.of(routeB.get(6)));
        back.addAll(untouched);
        assertEquals(back.stream().sorted().toList(), ids(closed, "returnedToDepot").stream().sorted().toList());
        assertEquals(3, ids(closed, "failed").size(), closed.toString());
        assertTrue(ids(closed, "delivered").containsAll(List.of(routeB.get(3), routeB.get(4), routeB.get(7))));
        assertNotNull(closed.getString("closedAt"));
        assertEquals("REGISTERED", status(routeB.get(6)), "scanned back without an attempt: planned again");

        assertTrue(api().get("api/pod/exceptions").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(x -> x.getString("trackingId").equals(routeB.get(5)) && x.getString("kind").equals("MISSING_AT_DAY_CLOSE")));
        JsonObject reread = api().get("api/pod/routes/" + routeIdB + "/reconciliation").json();
        assertEquals(closed.getJsonArray("missing"), reread.getJsonArray("missing"));
        assertEquals(closed.getJsonArray("delivered"), reread.getJsonArray("delivered"));
        assertEquals(409, api().post("api/handheld/routes/" + routeIdB + "/close", Json.createObjectBuilder().build(), tokenB).status());
        JsonObject afterClose = send(api(), tokenB, scan("ARRIVED", routeB.get(5), at(199))).json()
                .getJsonArray("results").getJsonObject(0);
        assertEquals("route-closed", afterClose.getString("problem"));

        String pdf = pdfText(api().get("api/reports/routes/" + routeIdB + "/reconciliation"));
        assertTrue(pdf.contains("MISSING") && pdf.contains(routeB.get(5)), pdf);
        assertTrue(pdf.contains("missing 1"), pdf);
    }

    @Test
    @Order(12)
    void theEpodCertificateCarriesTheEvidenceOfTheDelivery() throws Exception {
        String text = pdfText(api().get("api/proofs/" + routeA.get(1) + "?postcode=E152PJ"));
        assertTrue(text.contains(routeA.get(1)), text);
        assertTrue(text.contains("Nina Neighbour") && text.contains("No. 14"), text);
        assertTrue(text.contains(DEPOT + " A"), text);
        assertTrue(text.contains("Photos attached: 0"), text);
        String safePlace = pdfText(api().get("api/proofs/" + routeA.get(2) + "?postcode=E152PJ"));
        assertTrue(safePlace.contains("safe place") && safePlace.contains("Photos attached: 1"), safePlace);
        // Without the shipper's key, only the recipient's postcode opens the certificate.
        Api anonymous = Api.anonymous(URI.create(base.toExternalForm().replaceAll("/?$", "/")));
        assertEquals(404, anonymous.get("api/proofs/" + routeA.get(1) + "?postcode=SW1A1AA").status());
        assertEquals(404, anonymous.get("api/proofs/" + routeB.get(5) + "?postcode=E152PJ").status(),
                "no proof for an undelivered parcel");
    }

    private static List<String> ids(JsonObject reconciliation, String outcome) {
        return reconciliation.getJsonArray(outcome).getValuesAs(JsonObject.class).stream()
                .map(line -> line.getString("trackingId")).toList();
    }

    private static String pdfText(Api.Reply reply) throws Exception {
        assertEquals(200, reply.status(), reply.body());
        try (PDDocument pdf = Loader.loadPDF(reply.bytes())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    @Order(13)
    void aDeliverysPhotosFollowItOneByOneEachStoredOnce() throws Exception {
        // A depot of its own, so that the other tests' routes stay as they are.
        Api api = api();
        String depot = DEPOT.replace("POD", "PHO");
        api.post("api/depots", Json.createObjectBuilder().add("code", depot).add("name", "Bow").add("latitude", LAT)
                .add("longitude", LON).build());
        api.post("api/depots/" + depot + "/vehicles", Json.createObjectBuilder().add("registration", depot + " A")
                .add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 5).build());
        long driver = api.post("api/depots/" + depot + "/drivers", Json.createObjectBuilder().add("name", "Pia Photo").build())
                .json().getJsonNumber("id").longValue();
        String tokenP = Handhelds.issue(api, driver);
        String parcel = api.post("api/parcels", aParcel().to("Recipient P", "1 Bow Road", "E3 2AN", LAT + 0.002, LON)
                .on(TODAY).json()).json().getString("trackingId");
        String second = api.post("api/parcels", aParcel().to("Recipient Q", "3 Bow Road", "E3 2AN", LAT + 0.003, LON)
                .on(TODAY).json()).json().getString("trackingId");
        JsonObject plan = api.post("api/plans", Json.createObjectBuilder().add("depot", depot).add("date", TODAY.toString())
                .build()).json();
        assertEquals(1, plan.getJsonArray("routes").size(), plan.toString());
        long route = plan.getJsonArray("routes").getJsonObject(0).getJsonNumber("id").longValue();
        stopOf.put(parcel, Json.createObjectBuilder().add("latitude", LAT + 0.002).add("longitude", LON).build());
        stopOf.put(second, Json.createObjectBuilder().add("latitude", LAT + 0.003).add("longitude", LON).build());
        byte[] jpeg = Base64.getDecoder().decode(image("jpg"));
        byte[] png = Base64.getDecoder().decode(image("png"));
        JsonObject delivery = delivered(parcel, at(300), lat(parcel), lon(parcel), Json.createObjectBuilder()
                .add("method", "SAFE_PLACE").add("photosToFollow", 2));
        String eventId = delivery.getString("eventId");
        String photo = "api/handheld/events/" + eventId + "/photos/";
        assertEquals(404, api().putBytes(photo + "1", "image/jpeg", jpeg, tokenP).status(),
                "a photo before its delivery: send it again later");
        assertEquals(1, send(api(), tokenP, delivery).json().getInt("stored"), "announced photos stand in for the photo");
        assertEquals("DELIVERED", status(parcel));
        long photos = TestDatabase.count("pod_photo");
        Api.Reply first = api().putBytes(photo + "1", "image/jpeg", jpeg, tokenP);
        assertEquals(201, first.status(), first.body());
        assertEquals("STORED", first.json().getString("status"));
        assertEquals(200, api().putBytes(photo + "1", "image/jpeg", jpeg, tokenP).status(), "sent again: already there");
        assertEquals(409, api().putBytes(photo + "3", "image/jpeg", jpeg, tokenP).status(), "only two were announced");
        Api.Reply notJpeg = api().putBytes(photo + "2", "image/jpeg", png, tokenP);
        assertEquals(400, notJpeg.status(), notJpeg.body());
        assertTrue(notJpeg.body().contains("JPEG"), notJpeg.body());
        assertEquals(404, api().putBytes(photo + "2", "image/jpeg", jpeg, tokenB).status(), "another driver's delivery");
        assertEquals(201, api().putBytes(photo + "2", "image/jpeg", jpeg, tokenP).status());
        assertEquals(photos + 2, TestDatabase.count("pod_photo"), "each photo stored once");
        JsonObject tooMany = send(api(), tokenP, delivered(parcel, at(301), lat(parcel), lon(parcel),
                Json.createObjectBuilder().add("method", "SAFE_PLACE").add("photosToFollow", 6))).json();
        assertEquals("REJECTED", tooMany.getJsonArray("results").getJsonObject(0).getString("status"), tooMany.toString());
        assertEquals("invalid-request", tooMany.getJsonArray("results").getJsonObject(0).getString("problem"), "at most 5 photos");

        // A delivery whose announced photo never comes: staff hear of it when the route is closed.
        assertEquals(1, send(api(), tokenP, delivered(second, at(302), lat(second), lon(second), Json.createObjectBuilder()
                .add("method", "CONTACTLESS").add("photosToFollow", 1))).json().getInt("stored"));
        assertEquals(200, api().post("api/handheld/routes/" + route + "/close", Json.createObjectBuilder()
                .add("scannedBack", Json.createArrayBuilder()).build(), tokenP).status());
        List<JsonObject> raised = api().get("api/pod/exceptions").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("kind").equals("PHOTOS_MISSING")).toList();
        assertEquals(List.of(second), raised.stream().map(x -> x.getString("trackingId")).toList(), raised.toString());
    }

    static String image(String format) throws Exception {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(picture, format, bytes);
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
