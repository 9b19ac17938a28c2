package dev.lastmile.it;

import static dev.lastmile.it.Handhelds.delivered;
import static dev.lastmile.it.Handhelds.send;
import static dev.lastmile.it.Parcels.aParcel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * A van's day driven live through the handheld API: GPS fixes (bad ones refused one by one), stops done late, ETAs
 * that move, windows that narrow, "running late" and "you're next" arriving at a real SMTP server once each, the
 * tracking page showing the van only a few stops away, the dispatcher's feed and late list, and retention.
 * The route's plan is moved to start 100 minutes ago, so the day can be replayed with event times in the past at
 * any hour the test runs.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveLastMileIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String DEPOT = "LIV" + (1000 + new Random().nextInt(9000));
    private static final LocalDate TODAY = LocalDate.now(LONDON);
    /** Croydon: far from the other tests' depots. */
    private static final double LAT = 51.3762;
    private static final double LON = -0.0982;
    private static final String POSTCODE = "CR0 1NX";
    private static final int STOPS = 9;

    private static GreenMail mail;
    private static Api dispatcher;
    private static String token;
    private static long routeId;
    private static LocalDateTime start;
    private static final List<String> parcels = new ArrayList<>();
    private static final List<double[]> places = new ArrayList<>();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    @BeforeAll
    static void startMail() {
        mail = new GreenMail(new ServerSetup(13025, "localhost", "smtp"));
        mail.start();
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    private URI root() {
        return URI.create(base.toExternalForm().replaceAll("/?$", "/"));
    }

    private Api admin() {
        return new Api(root());
    }

    /** A moment of the replayed day: minutes after the route's (moved) departure, as the handheld reports it. */
    private static Instant at(double minutes) {
        return start.plusSeconds(Math.round(minutes * 60)).atZone(LONDON).toInstant();
    }

    private static JsonObject fix(Instant at, double latitude, double longitude) {
        return Json.createObjectBuilder().add("at", at.toString()).add("latitude", latitude).add("longitude", longitude)
                .add("accuracyM", 8).add("speedKmh", 20).build();
    }

    private Api.Reply positions(JsonObject... fixes) {
        JsonArrayBuilder batch = Json.createArrayBuilder();
        for (JsonObject fix : fixes) {
            batch.add(fix);
        }
        return admin().post("api/handheld/positions", Json.createObjectBuilder().add("fixes", batch).build(), token);
    }

    private JsonObject deliver(int stop, double minutes) {
        JsonObject event = delivered(parcels.get(stop), at(minutes), places.get(stop)[0], places.get(stop)[1],
                Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Recipient " + stop)
                        .add("signaturePng", Handhelds.signaturePng()));
        Api.Reply reply = send(admin(), token, event);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, reply.json().getInt("stored"), reply.body());
        return event;
    }

    private JsonObject tracking(int stop) {
        Api.Reply reply = Api.anonymous(root()).get("api/tracking/" + parcels.get(stop) + "?postcode=" + Api.encode(POSTCODE));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private List<String> templates(int stop) {
        return admin().get("api/notifications?trackingId=" + parcels.get(stop)).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("channel").equals("EMAIL")).map(n -> n.getString("template")).toList();
    }

    private static long count(List<String> templates, String template) {
        return templates.stream().filter(template::equals).count();
    }

    @Test
    @Order(0)
    void aRouteLeavesWithAnHourToldToEachRecipient() throws Exception {
        Api api = admin().asShipper(Shippers.standardKey(admin()));
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Croydon").add("latitude", LAT)
                .add("longitude", LON).build());
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", DEPOT + " A")
                .add("type", "VAN").add("capacityKg", 500).add("capacityParcels", STOPS).build());
        long driver = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Liv Driver").build())
                .json().getJsonNumber("id").longValue();
        token = Handhelds.issue(api, driver);
        for (int i = 0; i < STOPS; i++) {
            api.post("api/parcels", aParcel().to("Recipient " + i, (i + 1) + " North End", POSTCODE, LAT + 0.003 * (i + 1),
                    LON + 0.001 * (i % 3)).on(TODAY).json());
        }
        JsonObject plan = api.post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", TODAY.toString())
                .build()).json();
        assertEquals(1, plan.getJsonArray("routes").size(), plan.toString());
        JsonObject route = plan.getJsonArray("routes").getJsonObject(0);
        routeId = route.getJsonNumber("id").longValue();
        for (JsonObject stop : route.getJsonArray("stops").getValuesAs(JsonObject.class)) {
            parcels.add(stop.getString("trackingId"));
            places.add(new double[] {stop.getJsonNumber("latitude").doubleValue(), stop.getJsonNumber("longitude").doubleValue()});
        }
        assertEquals(STOPS, parcels.size());

        // The plan, moved: departure 100 minutes ago (on a five-minute mark), a stop every 15 minutes, 3 minutes each.
        LocalDateTime now = LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
        start = now.minusMinutes(now.getMinute() % 5).minusMinutes(100);
        try (Connection db = TestDatabase.connect()) {
            try (PreparedStatement departure = db.prepareStatement("UPDATE route SET departure = ? WHERE id = ?")) {
                departure.setTimestamp(1, Timestamp.valueOf(start));
                departure.setLong(2, routeId);
                assertEquals(1, departure.executeUpdate());
            }
            List<Long> stopIds = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("SELECT id FROM route_stop WHERE route_id = ? ORDER BY seq_no")) {
                query.setLong(1, routeId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stopIds.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement eta = db.prepareStatement("UPDATE route_stop SET eta = ?, departs = ? WHERE id = ?")) {
                for (int i = 0; i < stopIds.size(); i++) {
                    LocalDateTime arrives = start.plusMinutes(10 + 15L * i);
                    eta.setTimestamp(1, Timestamp.valueOf(arrives));
                    eta.setTimestamp(2, Timestamp.valueOf(arrives.plusMinutes(3)));
                    eta.setLong(3, stopIds.get(i));
                    eta.addBatch();
                }
                eta.executeBatch();
            }
        }
        Api.Reply departed = admin().post("api/handheld/routes/" + routeId + "/departure", Json.createObjectBuilder().build(), token);
        assertEquals(200, departed.status(), departed.body());
        JsonObject first = tracking(1);
        assertEquals(start.plusMinutes(25 - 30).toString(), first.getString("etaFrom"), first.toString());
        assertEquals(start.plusMinutes(25 + 30).toString(), first.getString("etaTo"), first.toString());
    }

    @Test
    @Order(1)
    void badFixesAreRefusedOneByOneAndAReplayedBatchChangesNothing() {
        JsonObject good = fix(at(30), LAT, LON);
        JsonObject[] batch = {
            fix(at(29), 95.0, LON),
            fix(Instant.now().plus(Duration.ofHours(1)), LAT, LON),
            good,
            fix(at(30.2), LAT + 0.5, LON),
        };
        Api.Reply reply = positions(batch);
        assertEquals(200, reply.status(), reply.body());
        List<JsonObject> results = reply.json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals("position-out-of-range", results.get(0).getString("problem"), reply.body());
        assertEquals("position-in-future", results.get(1).getString("problem"), reply.body());
        assertEquals("STORED", results.get(2).getString("status"), reply.body());
        assertEquals("position-impossible-speed", results.get(3).getString("problem"), reply.body());
        assertEquals(1, reply.json().getInt("stored"));
        long track = TestDatabase.count("route_track");

        Api.Reply again = positions(batch);
        assertEquals(0, again.json().getInt("stored"), again.body());
        assertEquals("DUPLICATE", again.json().getJsonArray("results").getJsonObject(2).getString("status"), again.body());
        assertEquals(track, TestDatabase.count("route_track"), "a replayed batch stores nothing");

        Api.Reply empty = positions();
        assertEquals(400, empty.status(), empty.body());
        assertEquals(401, Api.anonymous(root()).post("api/handheld/positions", Json.createObjectBuilder()
                .add("fixes", Json.createArrayBuilder().add(good)).build()).status());
    }

    @Test
    @Order(2)
    void aStopDoneLateMovesTheNextWindowsLaterWithARunningLateMessage() throws Exception {
        JsonObject before = tracking(1);
        deliver(0, 60);
        JsonObject after = tracking(1);
        LocalDateTime from = LocalDateTime.parse(after.getString("etaFrom"));
        LocalDateTime to = LocalDateTime.parse(after.getString("etaTo"));
        assertTrue(to.isAfter(LocalDateTime.parse(before.getString("etaTo")).plusMinutes(10)), before + " -> " + after);
        assertTrue(Duration.between(from, to).toMinutes() <= 60, after.toString());
        assertTrue(!to.isBefore(start.plusMinutes(80)), "the van is 50 minutes behind: " + after);
        assertEquals(1, count(templates(1), "RUNNING_LATE"), templates(1).toString());
        assertTrue(waitForMail("Running late: parcel " + parcels.get(1)), "the running-late email reaches the recipient");

        Api.Reply late = admin().get("api/depots/" + DEPOT + "/late-routes");
        assertEquals(200, late.status(), late.body());
        JsonObject lateRoute = late.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("routeId").longValue() == routeId).findFirst().orElseThrow(() -> new AssertionError(late.body()));
        assertTrue(lateRoute.getInt("stopsLate") >= 1 && lateRoute.getInt("worstLateMinutes") >= 20, lateRoute.toString());
        assertEquals(STOPS - 1, lateRoute.getInt("stopsLeft"), lateRoute.toString());
        assertTrue(admin().get("api/depots/" + DEPOT + "/today").json().getInt("routesRunningLate") >= 1);
    }

    @Test
    @Order(3)
    void theNextRecipientHearsOnceAndSeesTheVanOnlyAFewStopsAway() throws Exception {
        JsonObject done = deliver(1, 86);
        assertEquals(1, count(templates(2), "YOU_ARE_NEXT"), templates(2).toString());
        assertEquals(1, send(admin(), token, done).json().getInt("duplicates"), "the same delivery sent again");
        Api.Reply moved = positions(fix(at(95), places.get(2)[0] - 0.002, places.get(2)[1]));
        assertEquals(1, moved.json().getInt("stored"), moved.body());
        assertEquals(1, count(templates(2), "YOU_ARE_NEXT"), "\"you're next\" once: " + templates(2));
        assertTrue(waitForMail("You're next: parcel " + parcels.get(2)), "the you're-next email reaches the recipient");

        JsonObject next = tracking(2);
        JsonObject live = next.getJsonObject("live");
        assertEquals(0, live.getInt("stopsBefore"), next.toString());
        assertEquals("NEXT", live.getString("stage"), next.toString());
        assertEquals(places.get(2)[0] - 0.002, live.getJsonObject("van").getJsonNumber("latitude").doubleValue(), 1e-9);
        JsonObject far = tracking(STOPS - 1);
        assertEquals(STOPS - 3, far.getJsonObject("live").getInt("stopsBefore"), far.toString());
        assertFalse(far.getJsonObject("live").containsKey("van"), "six stops away the van is not shown: " + far);
        JsonObject anonymous = Api.anonymous(root()).get("api/tracking/" + parcels.get(2)).json();
        assertFalse(anonymous.containsKey("live"), "without the postcode nothing of the van: " + anonymous);
        assertFalse(next.toString().contains("North End"), "no address on the tracking view");
    }

    @Test
    @Order(4)
    void theTrackingPageShowsTheVanOnItsMapInARealBrowser() {
        try (Browser browser = Browser.start()) {
            browser.open(root().resolve("track.html?id=" + parcels.get(2) + "&postcode=" + Api.encode(POSTCODE)));
            assertTrue(browser.visible(".live").getText().contains("You're next"), browser.text(".live"));
            browser.visible("#van-map .van-marker");
            String server = URI.create(browser.currentUrl()).getAuthority();
            assertTrue(browser.requests().stream().allMatch(url -> server.equals(URI.create(url).getAuthority())),
                    "nothing from outside " + server + ": " + browser.requests());
            browser.open(root().resolve("track.html?id=" + parcels.get(STOPS - 1) + "&postcode=" + Api.encode(POSTCODE)));
            assertTrue(browser.visible(".live").getText().contains("6 stops before yours"), browser.text(".live"));
            assertFalse(browser.present("#van-map"), "no map six stops away");
        }
    }

    @Test
    @Order(5)
    void onlyTheDepotsStaffFollowTheVansLive() throws Exception {
        String tag = Staff.runTag();
        String dispatcher = "live-" + tag;
        String password = Staff.open(admin(), dispatcher, "DISPATCHER", List.of(DEPOT));
        LiveLastMileIT.dispatcher = Api.anonymous(root()).signedIn(dispatcher, password);
        String outsider = "live-out-" + tag;
        String outsiderPassword = Staff.open(admin(), outsider, "DISPATCHER", List.of("LON1"));
        Api staff = Api.anonymous(root()).signedIn(dispatcher, password);
        List<JsonObject> vans = staff.get("api/depots/" + DEPOT + "/vans").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, vans.size(), vans.toString());
        assertEquals(DEPOT + " A", vans.get(0).getString("vehicle"));
        assertEquals(404, Api.anonymous(root()).signedIn(outsider, outsiderPassword).get("api/depots/" + DEPOT + "/vans").status());
        assertEquals(403, admin().get("api/depots/" + DEPOT + "/vans", token).status(), "a driver sees no other vans");
        assertEquals(401, Api.anonymous(root()).get("api/depots/" + DEPOT + "/vans").status());

        String bearer = Api.anonymous(root()).token(dispatcher, password).json().getString("access_token");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest open = HttpRequest.newBuilder(root().resolve("api/depots/" + DEPOT + "/vans/stream"))
                .header("Authorization", "Bearer " + bearer).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> stream = http.send(open, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                boolean position = false;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.equals("event: position")) {
                        position = true;
                    } else if (position && line.startsWith("data:")) {
                        return line.substring(5).trim();
                    }
                }
                return null;
            } catch (Exception e) {
                return e.toString();
            }
        });
        Thread.sleep(500);
        assertEquals(1, positions(fix(at(97), places.get(2)[0] - 0.001, places.get(2)[1])).json().getInt("stored"));
        String data = event.get(20, TimeUnit.SECONDS);
        assertNotNull(data);
        JsonObject position = Json.createReader(new java.io.StringReader(data)).readObject();
        assertEquals(routeId, position.getJsonNumber("routeId").longValue(), data);
        assertEquals(places.get(2)[0] - 0.001, position.getJsonNumber("latitude").doubleValue(), 1e-9, data);

        JsonObject track = staff.get("api/depots/" + DEPOT + "/vans/" + routeId + "/track").json();
        assertTrue(track.getJsonArray("points").size() >= 2, track.toString());
    }

    @Test
    @Order(6)
    void positionsOlderThanTheRetentionAreGoneAfterTheJobRuns() throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement old = db.prepareStatement("INSERT INTO route_track (route_id, fixed_at, latitude, longitude)"
                     + " VALUES (?, ?, ?, ?)")) {
            old.setLong(1, routeId);
            old.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(40)));
            old.setDouble(3, LAT);
            old.setDouble(4, LON);
            old.executeUpdate();
        }
        long recent = trackOf(routeId, false);
        assertEquals(1, trackOf(routeId, true));
        Api.Reply run = admin().post("api/live/position-retention", Json.createObjectBuilder().build());
        assertEquals(200, run.status(), run.body());
        assertTrue(run.json().getInt("trackPoints") >= 1, run.body());
        assertEquals(0, trackOf(routeId, true), "the 40-day-old point is gone");
        assertEquals(recent, trackOf(routeId, false), "today's track stays");
        assertEquals(403, dispatcher.post("api/live/position-retention", Json.createObjectBuilder().build()).status(),
                "only an administrator deletes positions on demand");
    }

    private static long trackOf(long route, boolean old) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM"
                + " route_track WHERE route_id = ? AND fixed_at " + (old ? "<" : ">=") + " ?")) {
            query.setLong(1, route);
            query.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(30)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static boolean waitForMail(String subject) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            for (var message : mail.getReceivedMessages()) {
                if (message.getSubject() != null && message.getSubject().startsWith(subject)) {
                    return true;
                }
            }
            Thread.sleep(250);
        }
        return false;
    }
}
