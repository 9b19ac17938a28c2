package dev.lastmile.it;

import static dev.lastmile.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * What shippers and recipients see, through the deployed EAR: accounts and keys, single, batch and
 * CSV intake with idempotent references, labels, the address check list, every delivery choice and
 * its refusal after the cut-off, public tracking and its throttle, and notifications actually
 * received by a real SMTP server (GreenMail), an SMS endpoint and a shipper's webhook receiver,
 * including the outbox's retry while the SMTP server is down. The depot is in Andorra, far from
 * the London depots of the other tests, so its parcels cannot land elsewhere.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShipperAndRecipientIT {

    private static final String DEPOT = "AND1";
    private static final double LAT = 42.5078;
    private static final double LON = 1.5211;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static GreenMail mail;
    private static Recorder sms;
    private static Recorder hooks;
    private static String keyA;
    private static String keyB;
    private static String webhookSecret;
    private static String firstParcel;
    private static String waitingParcel;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    @BeforeAll
    static void startServers() throws Exception {
        mail = startMail();
        sms = new Recorder(13080);
        hooks = new Recorder(13081);
    }

    @AfterAll
    static void stopServers() {
        mail.stop();
        sms.close();
        hooks.close();
    }

    private static GreenMail startMail() {
        GreenMail server = new GreenMail(new ServerSetup(13025, "localhost", "smtp"));
        server.start();
        return server;
    }

    private Api staff() {
        return new Api(URI.create(base.toExternalForm().replaceAll("/?$", "/")));
    }

    private Api shipperA() {
        return staff().asShipper(keyA);
    }

    private static JsonObject parcel(String reference, String email, String phone, String postcode, Double lat, Double lon,
                                     LocalDate day) {
        var recipient = Json.createObjectBuilder().add("name", "Rita Recipient").add("email", email);
        if (phone != null) {
            recipient.add("phone", phone);
        }
        var address = Json.createObjectBuilder().add("line", "3 Carrer Major").add("town", "Andorra la Vella")
                .add("postcode", postcode).add("country", "AD");
        if (lat != null) {
            address.add("latitude", lat).add("longitude", lon);
        }
        var builder = Json.createObjectBuilder().add("recipient", recipient).add("address", address)
                .add("weightKg", 1.0).add("deliveryDate", day.toString());
        if (reference != null) {
            builder.add("shipperReference", reference);
        }
        return builder.build();
    }

    @Test
    @Order(0)
    void staffOpenTheDepotShippersAndALocker() {
        Api staff = staff();
        assertEquals(201, staff.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Andorra la Vella")
                .add("latitude", LAT).add("longitude", LON).build()).status());
        staff.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", "AND VAN 1")
                .add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 50).build());
        staff.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Pau Driver").build());
        keyA = Shippers.open(staff, "Pyrenees Books");
        keyB = Shippers.open(staff, "Other Shipper");
        Api.Reply webhook = staff.asShipper(keyA).put("api/shippers/me/webhook",
                Json.createObjectBuilder().add("url", "http://localhost:13081/hooks").build());
        assertEquals(200, webhook.status(), webhook.body());
        webhookSecret = webhook.json().getString("secret");
        Api.Reply locker = staff.post("api/collection-points", Json.createObjectBuilder().add("code", "LK-AND")
                .add("kind", "LOCKER").add("name", "Placa del Poble locker").add("line", "Placa del Poble")
                .add("town", "Andorra la Vella").add("postcode", "AD500").add("country", "AD")
                .add("latitude", LAT + 0.001).add("longitude", LON + 0.001)
                .add("compartments", Json.createObjectBuilder().add("S", 1)).build());
        assertEquals(201, locker.status(), locker.body());
        assertProblem(staff.post("api/collection-points", Json.createObjectBuilder().add("code", "LK-BAD")
                .add("kind", "LOCKER").build()), 400);
    }

    @Test
    @Order(1)
    void aShipperRegistersAParcelOnceEvenWhenSendingItTwice() {
        long before = TestDatabase.count("parcel");
        JsonObject request = parcel("PB-1", "first@example.ad", null, "AD500", LAT + 0.002, LON, TODAY.plusDays(3));
        Api.Reply created = shipperA().post("api/parcels", request);
        assertEquals(201, created.status(), created.body());
        firstParcel = created.json().getString("trackingId");
        Api.Reply again = shipperA().post("api/parcels", request);
        assertEquals(200, again.status(), again.body());
        assertEquals(firstParcel, again.json().getString("trackingId"));
        assertEquals(before + 1, TestDatabase.count("parcel"));
    }

    @Test
    @Order(2)
    void anotherShippersParcelIsNotFoundAndNoKeyIsUnauthorised() {
        Api other = staff().asShipper(keyB);
        assertProblem(other.get("api/parcels/" + firstParcel), 404);
        assertProblem(other.get("api/parcels/" + firstParcel + "/label"), 404);
        assertProblem(Api.anonymous(staff().base()).get("api/parcels/" + firstParcel), 401);
        // Staff are no shipper: the shipper API is not theirs.
        assertProblem(staff().get("api/parcels/" + firstParcel), 403);
        assertProblem(staff().asShipper("lm_wrong").post("api/parcels", parcel(null, "x@example.ad", null, "AD500", LAT, LON,
                TODAY.plusDays(1))), 401);
        // The same reference is the other shipper's own business: a new parcel.
        Api.Reply theirs = other.post("api/parcels", parcel("PB-1", "b@example.ad", null, "AD500", LAT, LON, TODAY.plusDays(3)));
        assertEquals(201, theirs.status(), theirs.body());
        assertNotEquals(firstParcel, theirs.json().getString("trackingId"));
    }

    @Test
    @Order(3)
    void aBatchKeepsGoodRowsAndNamesWhatIsWrongWithTheOthers() {
        long before = TestDatabase.count("parcel");
        JsonObject bad = Json.createObjectBuilder().add("shipperReference", "PB-BAD")
                .add("recipient", Json.createObjectBuilder().add("name", "No Weight"))
                .add("address", Json.createObjectBuilder().add("line", "1 Carrer").add("town", "Encamp")
                        .add("postcode", "AD999").add("country", "AD"))
                .add("deliveryDate", TODAY.plusDays(2).toString()).build();
        Api.Reply reply = shipperA().post("api/parcels/batch", Json.createArrayBuilder()
                .add(parcel("PB-2", "second@example.ad", null, "AD500", LAT, LON + 0.002, TODAY.plusDays(2)))
                .add(bad)
                .add(parcel("PB-3", "third@example.ad", null, "AD200", null, null, TODAY.plusDays(2)))
                .add(parcel("PB-1", "first@example.ad", null, "AD500", LAT + 0.002, LON, TODAY.plusDays(3)))
                .build());
        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.json();
        assertEquals(2, report.getInt("created"));
        assertEquals(1, report.getInt("existing"));
        assertEquals(1, report.getInt("rejected"));
        List<JsonObject> rows = report.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertEquals(List.of("CREATED", "REJECTED", "CREATED", "EXISTING"), rows.stream().map(r -> r.getString("outcome")).toList());
        List<String> fields = rows.get(1).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("weightKg", "address.postcode")), fields.toString());
        assertEquals(firstParcel, rows.get(3).getString("trackingId"));
        assertEquals(before + 2, TestDatabase.count("parcel"));
        // No coordinates given: the gazetteer placed AD200 (Encamp), and the depot delivers it.
        JsonObject placed = shipperA().get("api/parcels/" + rows.get(2).getString("trackingId")).json();
        assertEquals("REGISTERED", placed.getString("status"));
        assertEquals(42.5347, placed.getJsonObject("address").getJsonNumber("latitude").doubleValue(), 1e-6);
        assertTrue(placed.containsKey("depot") && !placed.isNull("depot"), placed.toString());
    }

    @Test
    @Order(4)
    void aCsvUploadReportsRowByRowAndAnUnknownPostcodeWaitsForStaff() {
        long before = TestDatabase.count("parcel");
        String csv = "shipper_reference,recipient_name,recipient_email,address_line,town,postcode,country,weight_kg,delivery_date\n"
                + "CSV-1,Marta Puig,marta@example.ad,\"5, Avinguda Meritxell\",Andorra la Vella,AD500,AD,2.5," + TODAY.plusDays(2) + "\n"
                + "CSV-2,Joan Soler,joan@example.ad,7 Carrer Sant Andreu,Andorra la Vella,AD500,AD,1.0,2026-02-30\n"
                + "CSV-3,Nuria Vila,nuria@example.ad,9 Carrer Nou,La Massana,AD400,AD,0.5," + TODAY.plusDays(2) + "\n"
                + "CSV-4,Pere Unknown,pere@example.ad,1 Carrer Desconegut,Sant Julia,AD600,AD,0.5," + TODAY.plusDays(2) + "\n"
                + "\"=HYPERLINK(\"\"http://evil.example\"\")\",Eve,eve@example.ad,1 Carrer,Encamp,AD200,AD,0.5,2026-02-30\n";
        Api.Reply uploaded = shipperA().postRaw("api/parcels/csv", "text/csv", csv);
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject summary = uploaded.json();
        assertEquals(5, summary.getInt("rows"));
        assertEquals(3, summary.getInt("created"));
        assertEquals(2, summary.getInt("rejected"));
        assertEquals(before + 3, TestDatabase.count("parcel"));

        Api.Reply report = shipperA().get("api/parcels/uploads/" + summary.getJsonNumber("uploadId") + "/report");
        assertEquals(200, report.status());
        assertTrue(report.contentType().startsWith("text/csv"), report.contentType());
        List<String> lines = report.body().lines().toList();
        assertEquals("line,shipper_reference,outcome,tracking_id,field,message", lines.get(0));
        assertTrue(lines.get(2).startsWith("3,CSV-2,REJECTED,,delivery_date,"), lines.toString());
        assertTrue(lines.get(1).startsWith("2,CSV-1,CREATED,"), lines.toString());
        // A formula in a cell comes back as text, so a spreadsheet opening the report runs nothing.
        assertTrue(lines.get(5).startsWith("6,\"'=HYPERLINK("), lines.toString());
        assertProblem(staff().asShipper(keyB).get("api/parcels/uploads/" + summary.getJsonNumber("uploadId") + "/report"), 404);

        // AD600 is in no gazetteer: the parcel is kept but waits on the staff's list, unplanned.
        List<JsonObject> waiting = staff().get("api/address-checks").jsonArray().getValuesAs(JsonObject.class);
        JsonObject pere = waiting.stream().filter(p -> "CSV-4".equals(p.getString("shipperReference", ""))).findFirst()
                .orElseThrow(() -> new AssertionError(waiting.toString()));
        assertEquals("AWAITING_ADDRESS", pere.getString("status"));
        waitingParcel = pere.getString("trackingId");
        Api.Reply placed = staff().put("api/address-checks/" + waitingParcel, Json.createObjectBuilder()
                .add("latitude", 42.4636).add("longitude", 1.4912).build());
        assertEquals(200, placed.status(), placed.body());
        assertEquals("REGISTERED", placed.json().getString("status"));
        assertEquals(DEPOT, placed.json().getString("depot"));
    }

    @Test
    @Order(5)
    void aFileThatCannotBeReadIsRefusedAsAWhole() {
        long before = TestDatabase.count("parcel");
        byte[] latin1 = ("recipient_name,address_line,town,postcode,country,weight_kg,delivery_date\n"
                + "Jos\u00e9,1 Carrer,Encamp,AD200,AD,1.0," + TODAY.plusDays(2) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Api.Reply notUtf8 = shipperA().postBytes("api/parcels/csv", "text/csv", latin1);
        assertProblem(notUtf8, 400);
        assertTrue(notUtf8.body().contains("UTF-8"), notUtf8.body());
        Api.Reply missingColumn = shipperA().postRaw("api/parcels/csv", "text/csv", "recipient_name,town\nA,B\n");
        assertProblem(missingColumn, 400);
        assertTrue(missingColumn.body().contains("weight_kg"), missingColumn.body());
        Api.Reply openQuote = shipperA().postRaw("api/parcels/csv", "text/csv",
                "recipient_name,address_line,town,postcode,country,weight_kg,delivery_date\n\"Unclosed,1 A,B,AD200,AD,1,"
                        + TODAY.plusDays(2) + "\n");
        assertProblem(openQuote, 400);
        byte[] huge = new byte[9 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        assertProblem(shipperA().postBytes("api/parcels/csv", "text/csv", huge), 413);
        String tooManyRows = "[" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]";
        assertProblem(shipperA().postRaw("api/parcels/batch", "application/json", tooManyRows), 413);
        assertEquals(before, TestDatabase.count("parcel"));
    }

    @Test
    @Order(6)
    void theLabelIsAFourBySixPdfWhoseBarcodesReadAsTheTrackingId() throws Exception {
        Api.Reply label = shipperA().get("api/parcels/" + firstParcel + "/label");
        assertEquals(200, label.status(), label.body());
        assertEquals("application/pdf", label.contentType());
        try (PDDocument pdf = Loader.loadPDF(label.bytes())) {
            assertEquals(288, pdf.getPage(0).getMediaBox().getWidth(), 1);
            assertEquals(432, pdf.getPage(0).getMediaBox().getHeight(), 1);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Rita Recipient") && text.contains("AD500") && text.contains("Pyrenees Books")
                    && text.contains(DEPOT) && text.contains("UNPLANNED"), text);
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            assertEquals(firstParcel, decode(page, BarcodeFormat.QR_CODE));
            assertEquals(firstParcel, decode(page, BarcodeFormat.CODE_128));
        }
        List<String> codes = trackingSteps(firstParcel, "AD500");
        assertTrue(codes.contains("LABEL_PRINTED"), codes.toString());
    }

    @Test
    @Order(7)
    void theRecipientMakesEveryChoiceThroughTheSignedLink() {
        String link = selfServiceLink(firstParcel);
        assertTrue(link.contains("choices.html?id=" + firstParcel + "&sig="), link);
        String choices = "api/choices/" + firstParcel + "?sig=" + link.substring(link.indexOf("sig=") + 4);
        Api api = staff();
        JsonObject view = api.get(choices).json();
        assertTrue(view.getBoolean("changeable"), view.toString());
        assertEquals(6, view.getJsonArray("openSlots").size(), view.toString());
        assertProblem(api.get("api/choices/" + firstParcel + "?sig=forged"), 404);

        assertEquals(200, api.put(choices.replace("?", "/slot?"), Json.createObjectBuilder().add("from", "10:00")
                .add("to", "12:00").build()).status());
        assertEquals(200, api.put(choices.replace("?", "/safe-place?"), Json.createObjectBuilder()
                .add("place", "Behind the green door").build()).status());
        assertEquals(200, api.put(choices.replace("?", "/neighbour?"), Json.createObjectBuilder().add("name", "Jordi")
                .add("house", "No. 5").build()).status());
        assertEquals(200, api.put(choices.replace("?", "/contactless?"), Json.createObjectBuilder()
                .add("contactless", true).build()).status());
        assertEquals(200, api.put(choices.replace("?", "/instructions?"), Json.createObjectBuilder()
                .add("text", "Ring twice").build()).status());
        JsonObject inLocker = api.put(choices.replace("?", "/collection-point?"), Json.createObjectBuilder()
                .add("code", "LK-AND").build()).json();
        assertEquals("LK-AND", inLocker.getJsonObject("current").getString("collectionPoint"));
        JsonObject redirected = api.put(choices.replace("?", "/redirect?"), Json.createObjectBuilder()
                .add("line", "12 Avinguda Carlemany").add("town", "Escaldes-Engordany").add("postcode", "AD700")
                .add("country", "AD").build()).json();
        assertEquals("Escaldes-Engordany", redirected.getString("town"));
        LocalDate back = TODAY.plusDays(5);
        JsonObject held = api.put(choices.replace("?", "/hold?"), Json.createObjectBuilder().add("until", back.toString())
                .build()).json();
        assertEquals(back.toString(), held.getString("deliveryDate"));
        assertProblem(api.put(choices.replace("?", "/slot?"), Json.createObjectBuilder().add("from", "10:00")
                .add("to", "11:00").build()), 400);

        List<JsonObject> history = held.getJsonArray("history").getValuesAs(JsonObject.class);
        assertEquals(List.of("TIME_SLOT", "SAFE_PLACE", "NEIGHBOUR", "CONTACTLESS", "INSTRUCTIONS", "COLLECTION_POINT",
                "REDIRECT", "HOLD"), history.stream().map(c -> c.getString("kind")).toList());
        assertTrue(history.stream().allMatch(c -> c.getString("madeBy").startsWith("recipient") && !c.getString("madeAt").isEmpty()));
        JsonObject parcel = shipperA().get("api/parcels/" + firstParcel).json();
        assertEquals("AD700", parcel.getJsonObject("address").getString("postcode"));
        assertEquals(back.toString(), parcel.getString("deliveryDate"));

        // The slot confirmation reached the recipient's mailbox.
        awaitMail("first@example.ad", "Delivery slot confirmed");
    }

    @Test
    @Order(8)
    void choicesAreRefusedAfterTheCutOffAndWhenTheLockerIsFull() {
        String today = shipperA().post("api/parcels", parcel("PB-TODAY", "today@example.ad", null, "AD500", LAT, LON, TODAY))
                .json().getString("trackingId");
        String link = selfServiceLink(today);
        String choices = "api/choices/" + today + "?sig=" + link.substring(link.indexOf("sig=") + 4);
        JsonObject view = staff().get(choices).json();
        assertFalse(view.getBoolean("changeable"));
        Api.Reply refused = staff().put(choices.replace("?", "/safe-place?"), Json.createObjectBuilder()
                .add("place", "Porch").build());
        assertProblem(refused, 409);
        assertTrue(refused.json().getString("type").endsWith("choice-closed"), refused.body());
        assertTrue(staff().get(choices).json().getJsonArray("history").isEmpty());

        // The locker has one small compartment: the first parcel takes it, the second finds it full.
        for (String reference : List.of("PB-LOCKER-1", "PB-LOCKER-2")) {
            String later = shipperA().post("api/parcels", parcel(reference, reference.toLowerCase() + "@example.ad", null,
                    "AD500", LAT, LON, TODAY.plusDays(3))).json().getString("trackingId");
            String laterLink = selfServiceLink(later);
            Api.Reply chosen = staff().put("api/choices/" + later + "/collection-point?sig=" + laterLink.substring(laterLink.indexOf("sig=") + 4),
                    Json.createObjectBuilder().add("code", "LK-AND").build());
            if (reference.endsWith("1")) {
                assertEquals(200, chosen.status(), chosen.body());
            } else {
                assertProblem(chosen, 409);
                assertTrue(chosen.body().contains("collection-point-full"), chosen.body());
            }
        }
    }

    @Test
    @Order(9)
    void publicTrackingShowsStatusAndTownOnlyUntilThePostcodeIsGivenAndThrottlesGuessing() {
        JsonObject anonymous = staff().get("api/tracking/" + firstParcel).json();
        assertFalse(anonymous.getBoolean("details"));
        assertEquals("Escaldes-Engordany", anonymous.getString("town"));
        assertTrue(anonymous.getJsonArray("timeline").isEmpty());
        assertFalse(anonymous.containsKey("deliveryDate") && !anonymous.isNull("deliveryDate"), anonymous.toString());
        assertFalse(anonymous.toString().contains("Rita"), anonymous.toString());

        JsonObject detailed = staff().get("api/tracking/" + firstParcel + "?postcode=ad700").json();
        assertTrue(detailed.getBoolean("details"));
        assertFalse(detailed.getJsonArray("timeline").isEmpty());
        assertFalse(detailed.toString().contains("Rita"), detailed.toString());

        for (int i = 0; i < 5; i++) {
            assertProblem(staff().get("api/tracking/" + firstParcel + "?postcode=AD10" + i), 404);
        }
        Api.Reply blocked = staff().get("api/tracking/" + firstParcel + "?postcode=AD700");
        assertProblem(blocked, 429);
        // Without postcode the public status stays available.
        assertEquals(200, staff().get("api/tracking/" + firstParcel).status());
    }

    @Test
    @Order(10)
    void recipientsHearOfTheirParcelByEmailAndSmsAndTheShipperByASignedWebhook() throws Exception {
        Api shipper = shipperA();
        String delivered = shipper.post("api/parcels", parcel("PB-D", "dora@example.ad", "+376600001", "AD500",
                LAT + 0.003, LON + 0.001, TODAY)).json().getString("trackingId");
        String missed = shipper.post("api/parcels", parcel("PB-F", "fran@example.ad", "+376600002", "AD500",
                LAT - 0.003, LON - 0.001, TODAY)).json().getString("trackingId");
        awaitMail("dora@example.ad", "is on its way");

        JsonObject plan = staff().post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", TODAY.toString())
                .build()).json();
        JsonObject route = plan.getJsonArray("routes").getJsonObject(0);
        long driverId = staff().get("api/depots/" + DEPOT + "/drivers").jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        String token = Handhelds.issue(staff(), driverId);
        Api.Reply departed = staff().post("api/handheld/routes/" + route.getJsonNumber("id") + "/departure",
                JsonValue.EMPTY_JSON_OBJECT, token);
        assertEquals(200, departed.status(), departed.body());
        awaitMail("dora@example.ad", "arrives today between");

        Instant now = Instant.now().minusSeconds(5);
        Api.Reply scans = Handhelds.send(staff(), token,
                Handhelds.delivered(delivered, now, LAT + 0.003, LON + 0.001, Json.createObjectBuilder()
                        .add("method", "RECIPIENT").add("receivedBy", "Dora Recipient").add("signaturePng", Handhelds.signaturePng())),
                Handhelds.failed(missed, now.plusSeconds(1), LAT - 0.003, LON - 0.001, "NOT_AT_HOME"));
        assertEquals(200, scans.status(), scans.body());
        MimeMessage deliveredMail = awaitMail("dora@example.ad", "has been delivered");
        assertTrue(text(deliveredMail).contains("/api/proofs/" + delivered), text(deliveredMail));
        MimeMessage missedMail = awaitMail("fran@example.ad", "We missed you");
        assertTrue(text(missedMail).contains("choices.html?id=" + missed + "&sig="), text(missedMail));

        await(() -> sms.received().stream().anyMatch(r -> r.body().contains("+376600002") && r.body().contains("We missed you")),
                "failed-attempt SMS");
        assertTrue(sms.received().stream().anyMatch(r -> r.body().contains("+376600001") && r.body().contains("delivered")));

        await(() -> hooks.received().stream().anyMatch(r -> r.body().contains(delivered) && r.body().contains("parcel.delivered")),
                "delivered webhook");
        for (Recorder.Received hook : hooks.received()) {
            String[] signature = hook.header("X-Lastmile-Signature").split(",");
            String timestamp = signature[0].substring(2);
            assertEquals("v1=" + hmac(webhookSecret, timestamp + "." + hook.body()), signature[1], hook.body());
        }

        // The shipper fetches the ePOD with its key; the other shipper learns nothing.
        Api.Reply proof = staff().asShipper(keyA).get("api/proofs/" + delivered);
        assertEquals(200, proof.status(), proof.body());
        assertEquals("application/pdf", proof.contentType());
        assertProblem(staff().asShipper(keyB).get("api/proofs/" + delivered), 404);
    }

    @Test
    @Order(11)
    void theOutboxRetriesWhileTheMailServerIsDownAndSendsOnceItIsBack() {
        mail.stop();
        String parcel = shipperA().post("api/parcels", parcel("PB-RETRY", "retry@example.ad", null, "AD500", LAT, LON,
                TODAY.plusDays(2))).json().getString("trackingId");
        await(() -> notifications(parcel).stream().anyMatch(n -> "EMAIL".equals(n.getString("channel"))
                && n.getInt("attempts") >= 1 && !n.isNull("lastError") && "PENDING".equals(n.getString("status"))),
                "a failed first attempt");
        mail = startMail();
        awaitMail("retry@example.ad", "is on its way");
        await(() -> notifications(parcel).stream().anyMatch(n -> "EMAIL".equals(n.getString("channel"))
                && "SENT".equals(n.getString("status")) && n.getInt("attempts") >= 2), "sent after retry");
        assertEquals(1, mail.getReceivedMessagesForDomain("retry@example.ad").length);
    }

    @Test
    @Order(12)
    void aRecipientWhoOptedOutGetsNothingMore() {
        String parcel = shipperA().post("api/parcels", parcel("PB-OPT", "quiet@example.ad", null, "AD500", LAT, LON,
                TODAY.plusDays(3))).json().getString("trackingId");
        awaitMail("quiet@example.ad", "is on its way");
        String link = selfServiceLink(parcel);
        String choices = "api/choices/" + parcel + "?sig=" + link.substring(link.indexOf("sig=") + 4);
        assertEquals(200, staff().post(choices.replace("?", "/opt-out?"), JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(200, staff().put(choices.replace("?", "/slot?"), Json.createObjectBuilder().add("from", "14:00")
                .add("to", "16:00").build()).status());
        await(() -> notifications(parcel).stream().anyMatch(n -> "SLOT_CONFIRMED".equals(n.getString("template"))
                && "OPTED_OUT".equals(n.getString("status"))), "slot confirmation held back");
        assertEquals(1, mail.getReceivedMessagesForDomain("quiet@example.ad").length);
    }

    private List<JsonObject> notifications(String trackingId) {
        return staff().get("api/notifications?trackingId=" + trackingId).jsonArray().getValuesAs(JsonObject.class);
    }

    /**
     * The outbox's claims, as two instances and a crash leave them: a message another dispatcher holds (its lease
     * still running) is left alone until the lease ends, one a crashed dispatcher held (lease run out) is taken
     * over; each reaches the mail server once.
     */
    @Test
    @Order(13)
    void aMessageClaimedByAnotherDispatcherWaitsForItsLeaseAndOneACrashedDispatcherHeldIsSentOnce() throws Exception {
        Instant now = Instant.now();
        insertClaimedEmail(9_000_000_001L, "held@example.ad", "a-live-instance", now.plusSeconds(8));
        insertClaimedEmail(9_000_000_002L, "orphaned@example.ad", "a-crashed-instance", now.minusSeconds(1));

        awaitMail("orphaned@example.ad", "is on its way");
        assertEquals(0, mail.getReceivedMessagesForDomain("held@example.ad").length,
                "sent while another dispatcher's claim was still running");
        awaitMail("held@example.ad", "is on its way");
        Thread.sleep(2_000); // a second dispatcher tick: nothing is sent again
        assertEquals(1, mail.getReceivedMessagesForDomain("held@example.ad").length);
        assertEquals(1, mail.getReceivedMessagesForDomain("orphaned@example.ad").length);
        try (Connection db = TestDatabase.connect(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM notification WHERE id IN (9000000001, 9000000002)"
                     + " AND status = 'SENT' AND claim_token IS NULL AND attempts = 1")) {
            rows.next();
            assertEquals(2, rows.getInt(1));
        }
    }

    private static void insertClaimedEmail(long id, String to, String claimToken, Instant leaseEnds) throws Exception {
        String payload = "trackingId=050600009999999998\nname=Claire Claim\ntown=Andorra la Vella\nshipper=Claims Ltd\n"
                + "tracking=http://localhost/track.html\nlink=http://localhost/choices.html\ndate=" + TODAY + "\n";
        try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement("INSERT INTO notification"
                + " (id, event_key, channel, template, language, address, payload, status, attempts, next_attempt_at,"
                + " created_at, claim_token) VALUES (?, ?, 'EMAIL', 'ON_ITS_WAY', 'en', ?, ?, 'PENDING', 0, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "claims-test-" + id);
            insert.setString(3, to);
            insert.setString(4, payload);
            insert.setTimestamp(5, Timestamp.from(leaseEnds));
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.setString(7, claimToken);
            insert.executeUpdate();
        }
    }

    private String selfServiceLink(String trackingId) {
        await(() -> notifications(trackingId).stream().anyMatch(n -> !n.isNull("selfServiceLink")), "a notification with the link");
        return notifications(trackingId).stream().filter(n -> !n.isNull("selfServiceLink")).findFirst().orElseThrow()
                .getString("selfServiceLink");
    }

    private List<String> trackingSteps(String trackingId, String postcode) {
        return staff().get("api/tracking/" + trackingId + "?postcode=" + postcode).json().getJsonArray("timeline")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("code")).toList();
    }

    private static MimeMessage awaitMail(String to, String subjectPart) {
        MimeMessage[] found = new MimeMessage[1];
        await(() -> {
            for (MimeMessage message : mail.getReceivedMessagesForDomain(to)) {
                try {
                    if (message.getSubject().contains(subjectPart)) {
                        found[0] = message;
                        return true;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }, "mail to " + to + " about '" + subjectPart + "'");
        return found[0];
    }

    private static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String decode(BufferedImage page, BarcodeFormat format) throws Exception {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                DecodeHintType.TRY_HARDER, true)).getText();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }


}
