package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The driver's app on a phone (Chromium's mobile emulation, 360 × 740, touch), through the deployed application:
 * pairing with a one-time code, load-out by hardware-scanner input, a delivery with a drawn signature and a
 * photo, a failed attempt, five stops worked with the network cut and a reload in between, a device revoked
 * with events still queued, and day close with a parcel missing. Every step is checked on the server.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriverAppIT {

    private static final String DEPOT = "DRV" + (1000 + new Random().nextInt(9000));
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final double LAT = 51.4545;
    private static final double LON = -2.5879;
    private static final Path PHOTO = Path.of("src/test/resources/driver-app/door.jpg").toAbsolutePath();

    private static Browser phone;
    private static long driverId;
    private static long deviceId;
    private static String vehicle;
    private static String otherVehicle;
    private static long routeId;
    private static long otherRouteId;
    /** The route's parcels in stop order, and one parcel of the other van. */
    private static final List<String> stops = new ArrayList<>();
    private static String otherVansParcel;

    @ArquillianResource
    private URL base;

    /** A failed step leaves the phone's screen and what its page logged, to see what the driver saw. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher onFailure = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            if (phone != null) {
                phone.screenshot("driver-failed-" + context.getRequiredTestMethod().getName());
                System.out.println("driver app at " + phone.currentUrl() + " logged: " + phone.consoleErrors());
            }
        }
    };

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    private URI root() {
        return URI.create(base.toExternalForm().replaceAll("/?$", "/"));
    }

    /** The administrator for staff operations; parcels are handed over with the standard shipper's key. */
    private Api staff() {
        Api api = new Api(root());
        return api.asShipper(Shippers.standardKey(api));
    }

    @AfterAll
    static void closeThePhone() {
        if (phone != null) {
            phone.close();
        }
    }

    private JsonObject pairing(long device) {
        Api.Reply offered = staff().post("api/handheld/devices/" + device + "/pairing", Json.createObjectBuilder().build());
        assertEquals(201, offered.status(), offered.body());
        return offered.json();
    }

    @Test
    @Order(0)
    void aDepotsDayIsPlannedAndStaffOfferAPairingCode() throws Exception {
        Api api = staff();
        assertEquals(201, api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Bristol")
                .add("latitude", LAT).add("longitude", LON).build()).status());
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", DEPOT + " BIG")
                .add("type", "VAN").add("capacityKg", 800).add("capacityParcels", 11).build());
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", DEPOT + " SMALL")
                .add("type", "VAN").add("capacityKg", 800).add("capacityParcels", 3).build());
        List<Long> drivers = new ArrayList<>();
        for (String name : List.of("Dora Driver", "Eli Driver")) {
            drivers.add(api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", name).build())
                    .json().getJsonNumber("id").longValue());
        }
        for (int i = 0; i < 13; i++) {
            assertEquals(201, api.post("api/parcels", aParcel().to("Recipient " + i, (i + 1) + " Park Street", "BS1 5JG",
                    LAT + 0.0012 * (i + 1), LON + 0.0009 * (i % 4)).on(TODAY).json()).status());
        }
        JsonObject plan = api.post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", TODAY.toString())
                .build()).json();
        List<JsonObject> routes = plan.getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .sorted(Comparator.comparing((JsonObject r) -> -r.getJsonArray("stops").size())).toList();
        assertEquals(2, routes.size(), plan.toString());
        JsonObject big = routes.get(0);
        assertTrue(big.getJsonArray("stops").size() >= 9, plan.toString());
        routeId = big.getJsonNumber("id").longValue();
        vehicle = big.getString("vehicle");
        otherVehicle = routes.get(1).getString("vehicle");
        otherRouteId = routes.get(1).getJsonNumber("id").longValue();
        for (JsonObject stop : big.getJsonArray("stops").getValuesAs(JsonObject.class)) {
            stops.add(stop.getString("trackingId"));
        }
        otherVansParcel = routes.get(1).getJsonArray("stops").getJsonObject(0).getString("trackingId");
        String driverName = big.getString("driver");
        driverId = drivers.get(driverName.equals("Dora Driver") ? 0 : 1);

        Api.Reply device = api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                .add("label", "Zebra TC52 #1").build());
        assertEquals(201, device.status(), device.body());
        deviceId = device.json().getJsonNumber("deviceId").longValue();
        JsonObject pairing = pairing(deviceId);
        assertTrue(pairing.getString("code").matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), pairing.toString());
        assertTrue(pairing.getString("link").endsWith("/driver/#pair=" + pairing.getString("code")), pairing.toString());
        assertEquals(pairing.getString("link"), Qr.read(pairing.getString("qrPng")), "the QR code holds the pairing link");
        Api.Reply listed = api.get("api/handheld/devices?depot=" + DEPOT);
        assertFalse(listed.body().contains(pairing.getString("code")), "a pairing code is shown once only");
        codes.add(pairing.getString("code"));
    }

    private static final List<String> codes = new ArrayList<>();

    private void openPhone() {
        phone = Browser.phone();
        phone.devtools("Browser.grantPermissions", Map.of("origin", root().getScheme() + "://" + root().getAuthority(),
                "permissions", List.of("geolocation")));
        phone.devtools("Emulation.setGeolocationOverride", Map.of("latitude", LAT + 0.0012, "longitude", LON,
                "accuracy", 6));
        phone.open(root().resolve("driver/"));
    }

    @Test
    @Order(1)
    void theDriverPairsWithTheCodeAndTheTokenStaysOutOfReachOfPages() {
        openPhone();
        phone.visible("#pair-code");
        phone.screenshot("driver-pairing");
        phone.type("#pair-code", "ABCD-EFGH");
        phone.click("#pair-submit");
        phone.waitUntil("an unknown code refused", () -> !phone.text("#pair-error").isBlank());
        phone.type("#pair-code", codes.get(0).toLowerCase());
        phone.click("#pair-submit");
        phone.waitForText("#route-vehicle", vehicle);
        phone.waitUntil("the stop list", () -> phone.all("#stops li").size() == stops.size());
        phone.waitUntil("the route on the map", () -> phone.present("#day-map path.leaflet-interactive"));
        phone.screenshot("driver-start-of-day");

        // The cookie belongs to /api/handheld, not to the page: only DevTools sees it, as no page script can.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) phone.devtools("Network.getAllCookies", Map.of())
                .get("cookies");
        Map<String, Object> cookie = cookies.stream().filter(c -> "lastmile_handheld".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the device token is kept as a cookie: " + cookies));
        String token = (String) cookie.get("value");
        assertEquals(Boolean.TRUE, cookie.get("httpOnly"), "no page script can read the token");
        assertEquals("Strict", cookie.get("sameSite"), "no other site's page sends it");
        assertTrue(String.valueOf(cookie.get("path")).endsWith("/api/handheld"), String.valueOf(cookie.get("path")));
        assertFalse(String.valueOf(phone.script("return document.cookie")).contains(token));
        assertEquals(401, Api.anonymous(root()).post("api/handheld/pairing", Json.createObjectBuilder()
                .add("code", codes.get(0)).build()).status(), "a pairing code works once");
        assertEquals(200, Api.anonymous(root()).get("api/handheld/manifest", token).status());
        Api.Reply line = Api.anonymous(root()).get("api/handheld/routes/" + routeId + "/geometry", token);
        assertEquals(200, line.status(), line.body());
        assertEquals(stops.size() + 2, line.json().getJsonArray("points").size(), "depot, the stops in order, depot");
        assertEquals(404, Api.anonymous(root()).get("api/handheld/routes/" + otherRouteId + "/geometry", token).status(),
                "another driver's route");
        int outside = Api.anonymous(root()).get("api/routes/" + routeId, token).status();
        assertTrue(outside == 401 || outside == 403, "the device token opens nothing outside the handheld API: " + outside);
        phone.waitUntil("the app kept on the device", () -> Boolean.TRUE.equals(
                phone.script("return !!navigator.serviceWorker.controller")));
    }

    /** Keys as a carrier's hardware scanner types them into the focused field: the code, then Enter. */
    private void scan(String content) {
        new Actions(phone.driver()).sendKeys(content + Keys.ENTER).perform();
    }

    private String status(String trackingId) {
        return staff().get("api/parcels/" + trackingId).json().getString("status");
    }

    private void allSent() {
        phone.waitUntil("everything sent", () -> "0".equals(phone.visible("#queue-badge").getAttribute("data-waiting")));
    }

    @Test
    @Order(2)
    void theVanIsLoadedByScannerAndAParcelOfTheOtherVanIsRefusedWithItsVanNamed() {
        phone.click("#go-load");
        phone.waitForText("#load-left", String.valueOf(stops.size()));
        scan("(00)" + otherVansParcel);
        phone.waitUntil("refused with the right van", () -> phone.text("#scan-result").contains(otherVehicle));
        phone.screenshot("driver-load-out-refused");
        for (int i = 0; i < stops.size(); i++) {
            scan(i % 2 == 0 ? "(00)" + stops.get(i) : "00" + stops.get(i));
            String left = String.valueOf(stops.size() - i - 1);
            phone.waitForText("#load-left", left);
        }
        phone.screenshot("driver-load-out-done");
        allSent();
        stops.forEach(id -> assertEquals("OUT_FOR_DELIVERY", status(id), id));
        assertEquals("PLANNED", status(otherVansParcel), "the refused scan changed nothing");
    }

    private void openStop(int index) {
        phone.open(root().resolve("driver/#stop/" + index));
        phone.waitForText("#screen-heading", "Stop " + (index + 1));
    }

    private void drawSignature() {
        WebElement pad = phone.visible("#signature");
        new Actions(phone.driver()).moveToElement(pad, -80, 10).clickAndHold().moveByOffset(30, -25).moveByOffset(30, 30)
                .moveByOffset(40, -20).moveByOffset(30, 15).release().perform();
    }

    private void deliverToRecipient(int index, String name, boolean photo) {
        openStop(index);
        phone.click("#go-deliver");
        phone.visible("#scan-field");
        scan("(00)" + stops.get(index));
        phone.waitUntil("the parcel ticked", () -> phone.text("#handover-parcels").contains("✓"));
        phone.click("#method-RECIPIENT");
        phone.type("#receivedBy", name);
        drawSignature();
        if (photo) {
            phone.driver().findElement(org.openqa.selenium.By.id("photo")).sendKeys(PHOTO.toString());
            phone.waitUntil("the photo shown", () -> phone.present("#photo-thumbs img"));
        }
        phone.click("#deliver-submit");
        phone.waitUntil("on to the next stop", () -> !phone.currentUrl().contains("#deliver/"));
    }

    @Test
    @Order(3)
    void aDeliveryWithASignatureDrawnOnTheScreenAndAPhoto() throws Exception {
        openStop(0);
        phone.click("#go-deliver");
        phone.visible("#scan-field");
        phone.click("#deliver-submit");
        phone.waitUntil("the device's own check", () -> phone.text("#form-errors").contains(stops.get(0)));
        assertTrue(phone.text("#form-errors").contains("signature"), phone.text("#form-errors"));
        phone.screenshot("driver-deliver-checked");
        Object unlabelled = phone.script("return Array.from(document.querySelectorAll('input, select, textarea, canvas'))"
                + ".filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-label')).map(f => f.id || f.outerHTML);");
        assertEquals(List.of(), unlabelled, "every field and the signature pad have a name a screen reader says");
        Object small = phone.script("return Array.from(document.querySelectorAll('button, .btn, .choice'))"
                + ".filter(b => b.offsetParent && b.getBoundingClientRect().height < 48).map(b => b.id || b.textContent);");
        assertEquals(List.of(), small, "touch targets of at least 48 px, for gloves");
        deliverToRecipient(0, "Rita Recipient", true);
        allSent();
        assertEquals("DELIVERED", status(stops.get(0)));
        try (Connection db = TestDatabase.connect(); PreparedStatement proof = db.prepareStatement(
                "SELECT p.received_by, LENGTH(p.signature_png), (SELECT COUNT(*) FROM pod_photo f WHERE f.proof_id = p.id)"
                        + " FROM delivery_proof p JOIN parcel x ON x.id = p.parcel_id WHERE x.tracking_id = ?")) {
            proof.setString(1, stops.get(0));
            try (ResultSet row = proof.executeQuery()) {
                assertTrue(row.next());
                assertEquals("Rita Recipient", row.getString(1));
                assertTrue(row.getLong(2) > 500, "a drawn signature, not an empty canvas: " + row.getLong(2));
                assertEquals(1, row.getInt(3), "the photo came with the proof");
            }
        }
    }

    @Test
    @Order(4)
    void aFailedAttemptTellsTheDriverWhatHappensNext() {
        openStop(1);
        phone.click("#go-fail");
        phone.click("#reason-NOT_AT_HOME");
        phone.waitUntil("what follows, in words", () -> phone.text("#fail-next").contains("delivered again"));
        phone.click("#reason-REFUSED");
        phone.waitUntil("a refusal goes back", () -> phone.text("#fail-next").contains("back to the sender"));
        phone.click("#reason-NOT_AT_HOME");
        phone.screenshot("driver-failed-attempt");
        phone.click("#fail-submit");
        phone.waitUntil("the outcome", () -> phone.text("#fail-outcome").contains("delivered again"));
        allSent();
        assertEquals("REGISTERED", status(stops.get(1)),
                "re-attempt on the next delivery day: back into planning");
    }

    @Test
    @Order(5)
    void fiveStopsWorkedOfflineWithAReloadAreStoredOnceInTheOrderTheyWereWorked() throws Exception {
        phone.offline(true);
        phone.waitUntil("the app sees the network gone", () -> phone.text("#net").contains("Offline"));
        List<String> worked = new ArrayList<>();
        for (int index = 2; index < 7; index++) {
            if (index == 4) {
                // The phone's browser is closed and opened again in the middle: the app and its queue come from the device.
                phone.driver().navigate().refresh();
                phone.waitUntil("the app back, offline", () -> "true".equals(phone.script("return document.body.dataset.ready")));
                phone.waitUntil("the queue kept", () -> "2".equals(phone.visible("#queue-badge").getAttribute("data-waiting")));
                phone.screenshot("driver-offline-after-reload");
            }
            deliverToRecipient(index, "Offline " + index, false);
            worked.add(stops.get(index));
        }
        phone.waitUntil("five waiting", () -> "5".equals(phone.visible("#queue-badge").getAttribute("data-waiting")));
        for (String id : worked) {
            assertEquals("OUT_FOR_DELIVERY", status(id), "nothing reached the server while offline");
        }
        phone.offline(false);
        allSent();
        phone.screenshot("driver-back-online");
        for (String id : worked) {
            assertEquals("DELIVERED", status(id), id);
        }
        try (Connection db = TestDatabase.connect(); PreparedStatement events = db.prepareStatement(
                "SELECT tracking_id, COUNT(*) FROM scan_event WHERE device_id = ? AND type = 'DELIVERED' GROUP BY tracking_id");
             PreparedStatement order = db.prepareStatement("SELECT x.tracking_id FROM delivery_proof p JOIN parcel x"
                     + " ON x.id = p.parcel_id WHERE p.route_id = ? ORDER BY p.delivered_at")) {
            events.setLong(1, deviceId);
            try (ResultSet rows = events.executeQuery()) {
                int parcels = 0;
                while (rows.next()) {
                    parcels++;
                    assertEquals(1, rows.getInt(2), "stored once: " + rows.getString(1));
                }
                assertEquals(6, parcels, "the first delivery and the five offline ones");
            }
            order.setLong(1, routeId);
            List<String> delivered = new ArrayList<>();
            try (ResultSet rows = order.executeQuery()) {
                while (rows.next()) {
                    delivered.add(rows.getString(1));
                }
            }
            List<String> expected = new ArrayList<>(List.of(stops.get(0)));
            expected.addAll(worked);
            assertEquals(expected, delivered, "the timelines follow the order the stops were worked");
        }
    }

    @Test
    @Order(6)
    void aDeviceRevokedWithEventsQueuedKeepsThemUntilItIsPairedAgainForTheSameDriver() {
        phone.offline(true);
        phone.waitUntil("offline", () -> phone.text("#net").contains("Offline"));
        deliverToRecipient(7, "Late Larry", false);
        phone.waitUntil("one waiting", () -> "1".equals(phone.visible("#queue-badge").getAttribute("data-waiting")));
        assertEquals(204, staff().delete("api/handheld/devices/" + deviceId).status());
        Api.Reply replacement = staff().post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                .add("label", "Zebra TC52 #2").build());
        long newDevice = replacement.json().getJsonNumber("deviceId").longValue();
        String code = pairing(newDevice).getString("code");
        phone.offline(false);
        phone.waitUntil("sent back to pairing", () -> phone.present("#pair-revoked"));
        assertTrue(phone.text("#pair-held").contains("1"), phone.text("#pair-held"));
        phone.screenshot("driver-revoked-events-kept");
        assertEquals("OUT_FOR_DELIVERY", status(stops.get(7)));
        phone.type("#pair-code", code);
        phone.click("#pair-submit");
        phone.visible("#route-vehicle");
        allSent();
        assertEquals("DELIVERED", status(stops.get(7)), "the event kept on the device reached the server");
        deviceId = newDevice;
    }

    @Test
    @Order(7)
    void dayCloseWithAParcelMissing() {
        phone.open(root().resolve("driver/#close"));
        phone.visible("#close-left");
        List<String> open = new ArrayList<>(stops.subList(8, stops.size()));
        open.add(0, stops.get(1));
        phone.waitForText("#close-left", String.valueOf(open.size()));
        String missing = open.remove(open.size() - 1);
        for (String id : open) {
            scan("(00)" + id);
        }
        phone.waitForText("#close-left", "1");
        phone.click("#close-submit");
        phone.waitUntil("warned first", () -> phone.text("#close-warning").contains("missing"));
        phone.click("#close-submit");
        phone.waitUntil("the reconciliation", () -> phone.present("#reconciliation"));
        phone.waitForText("#rec-missing", missing);
        phone.screenshot("driver-day-close");
        JsonObject reconciliation = staff().get("api/pod/routes/" + routeId + "/reconciliation").json();
        assertEquals(List.of(missing), reconciliation.getJsonArray("missing").getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("trackingId")).toList());
        assertEquals(7, reconciliation.getJsonArray("delivered").size(), reconciliation.toString());
        List<String> errors = phone.consoleErrors().stream()
                .filter(e -> e.contains("Content Security Policy") || e.contains("Uncaught")).toList();
        assertTrue(errors.isEmpty(), "the app broke its policy or threw: " + errors);
        for (String url : phone.requests()) {
            assertTrue(url.contains("://" + root().getHost()), "a request left the machine: " + url);
        }
    }

    @Test
    @Order(8)
    void aDeliveryTheServerRefusesIsShownWithItsReasonAndNotRetried() throws Exception {
        // The parcel reported missing turns up under a seat after the day was closed: the route takes no more scans.
        String late = stops.get(stops.size() - 1);
        String before = status(late);
        deliverToRecipient(stops.size() - 1, "After Hours", false);
        phone.waitUntil("refused, and said so", () -> phone.visible("#queue-badge").getText().contains("1 refused"));
        assertEquals("0", phone.visible("#queue-badge").getAttribute("data-waiting"), "a refused event waits no more");
        phone.click("#queue-badge");
        phone.waitUntil("the reason in words", () -> phone.text("#queue-list").contains("closed"));
        phone.screenshot("driver-refused-event");
        long stored = TestDatabase.count("scan_event");
        phone.driver().navigate().refresh();
        phone.waitUntil("the app back", () -> "true".equals(phone.script("return document.body.dataset.ready")));
        phone.waitUntil("still refused after a restart", () -> phone.visible("#queue-badge").getText().contains("1 refused"));
        assertEquals(stored, TestDatabase.count("scan_event"), "the refused event is not sent again");
        assertEquals(before, status(late), "a refused event changes nothing");
    }

    /** Reads the QR code staff show, as a phone's camera would. */
    static final class Qr {
        static String read(String base64Png) throws Exception {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(base64Png)));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(source))).getText();
        }
    }
}
