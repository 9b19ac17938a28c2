package dev.lastmile.it;

import static dev.lastmile.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Route planning through the deployed EAR on the road network of Andorra (map data © OpenStreetMap
 * contributors): a fleet with costs, range and shifts, a day planned by a background job that is
 * followed, published, drawn on roads, and re-planned after a breakdown and a same-day parcel.
 * The depot sits in Encamp, away from the other tests' depots. Tomorrow is planned, so the test
 * passes at any hour.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {

    private static final String DEPOT = "ENC1";
    private static final double LAT = 42.5347;
    private static final double LON = 1.5806;
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
    /** Points on or near Encamp's streets. */
    private static final double[][] ADDRESSES = {{42.5352, 1.5820}, {42.5365, 1.5845}, {42.5330, 1.5790},
        {42.5380, 1.5870}, {42.5310, 1.5760}, {42.5340, 1.5832}, {42.5372, 1.5815}, {42.5322, 1.5841},
        {42.5391, 1.5885}, {42.5301, 1.5744}};

    private static final List<String> parcels = new ArrayList<>();
    private static String heavy;
    private static String late;
    private static long publishedJob;
    private static long routeId;
    private static String delivered;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    private Api staff() {
        return new Api(URI.create(base.toExternalForm().replaceAll("/?$", "/")));
    }

    private Api shipper() {
        return staff().asShipper(Shippers.standardKey(staff()));
    }

    @Test
    @Order(0)
    void staffSetUpAFleetWithCostsRangesShiftsAndAvailability() {
        Api api = staff();
        Api.Reply depot = api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Encamp")
                .add("latitude", LAT).add("longitude", LON).add("opens", "07:00").add("closes", "20:00")
                .add("distanceModel", "ROAD_NETWORK").build());
        assertEquals(201, depot.status(), depot.body());
        assertEquals("ROAD_NETWORK", depot.json().getString("distanceModel"));
        Api.Reply van = api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", "ENC VAN")
                .add("type", "VAN").add("capacityKg", 25).add("capacityParcels", 20).add("capacityLitres", 2000)
                .add("costPerKm", 0.35).add("costPerHour", 10).add("fixedCost", 20).add("co2GramsPerKm", 210).build());
        assertEquals(201, van.status(), van.body());
        assertEquals(210, van.json().getJsonNumber("co2GramsPerKm").doubleValue(), 1e-9);
        assertEquals(201, api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", "ENC EV")
                .add("type", "ELECTRIC_VAN").add("capacityKg", 25).add("capacityParcels", 20).add("rangeKm", 120)
                .add("costPerKm", 0.15).add("fixedCost", 20).build()).status());
        assertEquals(201, api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", "ENC BIKE")
                .add("type", "CARGO_BIKE").add("capacityKg", 20).add("capacityParcels", 8).add("rangeKm", 40).build()).status());
        for (String name : List.of("Laia", "Marc", "Ona")) {
            Api.Reply driver = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", name)
                    .add("shiftStart", "07:30").add("shiftEnd", "17:30").add("breakMinutes", 30)
                    .add("breakEarliest", "12:00").add("breakLatest", "14:00").build());
            assertEquals(201, driver.status(), driver.body());
        }
        // Bad fleet data is refused, field by field, and changes nothing.
        long vehicles = TestDatabase.count("vehicle");
        assertProblem(api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", "ENC BAD")
                .add("type", "VAN").add("capacityKg", 25).add("capacityParcels", 20).add("rangeKm", 100)
                .add("costPerKm", -1).build()), 400, "rangeKm", "costPerKm");
        assertProblem(api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Late")
                .add("shiftStart", "18:00").add("shiftEnd", "08:00").build()), 400, "shiftEnd");
        assertEquals(vehicles, TestDatabase.count("vehicle"));

        Api.Reply absent = api.put("api/depots/" + DEPOT + "/availability/" + DAY, Json.createObjectBuilder()
                .add("vehicles", Json.createArrayBuilder().add("ENC BIKE")).add("reason", "in the workshop").build());
        assertEquals(200, absent.status(), absent.body());
        List<String> available = absent.json().getJsonArray("vehicles").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("registration")).toList();
        assertEquals(Set.of("ENC VAN", "ENC EV"), new HashSet<>(available));
    }

    @Test
    @Order(1)
    void aPlanningJobRunsInTheBackgroundAndIsFollowedUntilItsBestPlan() throws Exception {
        for (int i = 0; i < ADDRESSES.length; i++) {
            parcels.add(parcel("R" + i, ADDRESSES[i][0], ADDRESSES[i][1], 1.5, null));
        }
        heavy = parcel("HEAVY", 42.5350, 1.5810, 30, null);
        late = parcel("LATE", 42.5360, 1.5800, 1, new String[] {"21:00", "22:00"});

        Api.Reply started = staff().post("api/planning-jobs", Json.createObjectBuilder().add("depot", DEPOT)
                .add("date", DAY.toString()).add("budgetSeconds", 3).build());
        assertEquals(202, started.status(), started.body());
        publishedJob = started.json().getJsonNumber("id").longValue();
        JsonObject job = await(publishedJob, "DONE");
        assertTrue(job.getJsonNumber("elapsedMs").longValue() > 0, job.toString());
        JsonObject plan = job.getJsonObject("plan");
        List<JsonObject> routes = plan.getJsonArray("routes").getValuesAs(JsonObject.class);
        assertFalse(routes.isEmpty(), plan.toString());
        for (JsonObject route : routes) {
            assertTrue(route.getJsonNumber("distanceKm").doubleValue() > 0, route.toString());
            assertTrue(route.getJsonNumber("cost").doubleValue() > 0, route.toString());
            assertTrue(route.getJsonNumber("driveMinutes").doubleValue() > 0, route.toString());
            List<JsonObject> stops = route.getJsonArray("stops").getValuesAs(JsonObject.class);
            double previousLoad = Double.MAX_VALUE;
            String previousEta = "";
            for (JsonObject stop : stops) {
                double load = stop.getJsonNumber("loadKgAfter").doubleValue();
                assertTrue(load < previousLoad, "load falls stop by stop: " + route);
                assertTrue(stop.getString("eta").compareTo(previousEta) > 0, "ETAs in order: " + route);
                previousLoad = load;
                previousEta = stop.getString("eta");
            }
            assertNotEquals("ENC BIKE", route.getString("registration"), "the bike is in the workshop");
        }
        assertEquals(parcels.size(), plan.getJsonObject("totals").getInt("parcels"), plan.toString());
        List<JsonObject> unassigned = plan.getJsonArray("unassigned").getValuesAs(JsonObject.class);
        assertEquals(Set.of(heavy, late), new HashSet<>(unassigned.stream().map(u -> u.getString("trackingId")).toList()),
                plan.toString());
        assertTrue(unassigned.stream().allMatch(u -> !u.getString("reason").isBlank()));
        assertEquals("TOO_HEAVY", unassigned.stream().filter(u -> u.getString("trackingId").equals(heavy)).findFirst()
                .orElseThrow().getString("code"));
        assertEquals("SLOT_UNREACHABLE", unassigned.stream().filter(u -> u.getString("trackingId").equals(late)).findFirst()
                .orElseThrow().getString("code"));
        // Nothing reaches the drivers before publishing.
        assertTrue(staff().get("api/routes?depot=" + DEPOT + "&date=" + DAY).jsonArray().isEmpty());
    }

    @Test
    @Order(2)
    void aRunningJobCanBeCancelledAndAPlanIsPublishedOnlyOnce() {
        Api.Reply started = staff().post("api/planning-jobs", Json.createObjectBuilder().add("depot", DEPOT)
                .add("date", DAY.toString()).add("budgetSeconds", 120).build());
        long id = started.json().getJsonNumber("id").longValue();
        Api.Reply cancelled = staff().delete("api/planning-jobs/" + id);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        JsonObject settled = awaitFinished(id);
        assertEquals("CANCELLED", settled.getString("status"));
        assertTrue(settled.getJsonNumber("elapsedMs").longValue() < 60_000, settled.toString());
        assertProblem(staff().post("api/planning-jobs", Json.createObjectBuilder().add("depot", DEPOT)
                .add("date", "tomorrow").add("budgetSeconds", 9999).build()), 400, "date", "budgetSeconds");

        Api.Reply published = staff().post("api/planning-jobs/" + publishedJob + "/publish", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, published.status(), published.body());
        List<JsonObject> routes = published.jsonArray().getValuesAs(JsonObject.class);
        assertFalse(routes.isEmpty());
        routeId = routes.get(0).getJsonNumber("id").longValue();
        assertEquals(1, routes.get(0).getInt("revision"));
        assertTrue(routes.get(0).getJsonNumber("co2Kg").doubleValue() >= 0);
        assertEquals("PLANNED", shipper().get("api/parcels/" + parcels.get(0)).json().getString("status"));
        assertProblem(staff().post("api/planning-jobs/" + publishedJob + "/publish", JsonValue.EMPTY_JSON_OBJECT), 409);
        assertEquals("PUBLISHED", staff().get("api/planning-jobs/" + publishedJob).json().getString("status"));
    }

    @Test
    @Order(3)
    void aPublishedRouteIsDrawnAlongTheRoads() {
        JsonObject geometry = staff().get("api/routes/" + routeId + "/geometry").json();
        assertEquals("ROAD_NETWORK", geometry.getString("distanceModel"));
        assertTrue(geometry.getString("attribution").contains("OpenStreetMap"), geometry.getString("attribution"));
        JsonObject route = staff().get("api/routes/" + routeId).json();
        int stops = route.getJsonArray("stops").size();
        assertTrue(geometry.getJsonArray("points").size() > stops + 2, "a road line has more points than stops");
        assertFalse(geometry.getString("encodedPolyline").isBlank());
        assertTrue(geometry.getJsonNumber("metres").doubleValue() > 0);

        // A map without tiles draws the roads around the route, from the same extract.
        JsonObject roads = staff().get("api/depots/" + DEPOT + "/roads?south=" + (LAT - 0.01) + "&west=" + (LON - 0.01)
                + "&north=" + (LAT + 0.01) + "&east=" + (LON + 0.01)).json();
        assertTrue(roads.getJsonArray("roads").size() > 20, "Encamp has streets: " + roads.getJsonArray("roads").size());
        assertTrue(roads.getString("attribution").contains("OpenStreetMap"));
        var first = roads.getJsonArray("roads").getJsonArray(0).getJsonArray(0);
        assertTrue(Math.abs(first.getJsonNumber(0).doubleValue() - LAT) < 0.05, first.toString());
        assertProblem(staff().get("api/depots/" + DEPOT + "/roads?south=42&west=1&north=43&east=2"), 400, "north", "east");
    }

    @Test
    @Order(4)
    void aBreakdownMovesTheRemainingStopsAndKeepsTheDoneOnes() throws Exception {
        JsonObject route = staff().get("api/routes/" + routeId).json();
        String vehicle = route.getString("vehicle");
        List<JsonObject> stops = route.getJsonArray("stops").getValuesAs(JsonObject.class);
        delivered = stops.get(0).getString("trackingId");
        long driverId = staff().get("api/depots/" + DEPOT + "/drivers").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("name").equals(route.getString("driver"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        String token = Handhelds.issue(staff(), driverId);
        assertEquals(200, staff().post("api/handheld/routes/" + routeId + "/departure", JsonValue.EMPTY_JSON_OBJECT, token).status());
        Api.Reply scanned = Handhelds.send(staff(), token, Handhelds.delivered(delivered, Instant.now().minusSeconds(2),
                stops.get(0).getJsonNumber("latitude").doubleValue(), stops.get(0).getJsonNumber("longitude").doubleValue(),
                Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Pau").add("signaturePng", Handhelds.signaturePng())));
        assertEquals(200, scanned.status(), scanned.body());

        Api.Reply replanned = staff().post("api/routes/replan", Json.createObjectBuilder().add("depot", DEPOT)
                .add("date", DAY.toString()).add("brokenVehicle", vehicle).build());
        assertEquals(200, replanned.status(), replanned.body());
        JsonObject outcome = replanned.json();
        List<JsonObject> withdrawn = outcome.getJsonArray("withdrawn").getValuesAs(JsonObject.class);
        assertEquals(1, withdrawn.size(), outcome.toString());
        assertTrue(withdrawn.get(0).getBoolean("withdrawn"));
        assertEquals(List.of(delivered), withdrawn.get(0).getJsonArray("stops").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("trackingId")).toList(), "the done stop stays on the broken van's route");
        Set<String> onOtherRoutes = new HashSet<>();
        for (String list : List.of("changed", "added")) {
            outcome.getJsonArray(list).getValuesAs(JsonObject.class).forEach(r -> {
                assertNotEquals(vehicle, r.getString("vehicle"));
                r.getJsonArray("stops").getValuesAs(JsonObject.class).forEach(s -> onOtherRoutes.add(s.getString("trackingId")));
            });
        }
        for (JsonObject stop : stops.subList(1, stops.size())) {
            assertTrue(onOtherRoutes.contains(stop.getString("trackingId")), "moved: " + stop + " in " + outcome);
        }
    }

    @Test
    @Order(5)
    void aSameDayParcelAndAReturnToCollectAreAddedToTheRoutes() {
        String sameDay = parcel("SAME-DAY", 42.5348, 1.5825, 1.0, null);
        Api.Reply opened = staff().post("api/returns", Json.createObjectBuilder().add("trackingId", delivered)
                .add("reason", "wrong size").build());
        assertEquals(201, opened.status(), opened.body());
        String returnId = opened.json().getString("returnTrackingId");
        JsonObject outcome = staff().post("api/routes/replan", Json.createObjectBuilder().add("depot", DEPOT)
                .add("date", DAY.toString()).build()).json();
        List<JsonObject> changed = new ArrayList<>(outcome.getJsonArray("changed").getValuesAs(JsonObject.class));
        changed.addAll(outcome.getJsonArray("added").getValuesAs(JsonObject.class));
        assertTrue(changed.stream().anyMatch(r -> r.getJsonArray("stops").getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> s.getString("trackingId").equals(sameDay))), outcome.toString());
        assertTrue(changed.stream().allMatch(r -> r.getInt("revision") >= 2 || outcome.getJsonArray("added").contains(r)));
        assertEquals("PLANNED", shipper().get("api/parcels/" + sameDay).json().getString("status"));
        assertTrue(outcome.getJsonArray("withdrawn").isEmpty());
        assertTrue(changed.stream().flatMap(r -> r.getJsonArray("stops").getValuesAs(JsonObject.class).stream())
                .anyMatch(s -> "PICKUP".equals(s.getString("kind")) && returnId.equals(s.getString("returnTrackingId"))),
                "the return is collected on a route: " + outcome);
    }

    private String parcel(String reference, double lat, double lon, double kg, String[] slot) {
        var builder = Json.createObjectBuilder().add("shipperReference", "ENC-" + reference + "-" + DAY)
                .add("recipient", Json.createObjectBuilder().add("name", "Encamp " + reference)
                        .add("email", "enc-" + reference.toLowerCase() + "@example.ad"))
                .add("address", Json.createObjectBuilder().add("line", "Carrer " + reference).add("town", "Encamp")
                        .add("postcode", "AD200").add("country", "AD").add("latitude", lat).add("longitude", lon))
                .add("weightKg", kg).add("deliveryDate", DAY.toString());
        if (slot != null) {
            builder.add("timeSlot", Json.createObjectBuilder().add("from", slot[0]).add("to", slot[1]));
        }
        Api.Reply created = shipper().post("api/parcels", builder.build());
        assertTrue(created.status() == 201 || created.status() == 200, created.body());
        assertEquals(DEPOT, created.json().getString("depot"), created.body());
        return created.json().getString("trackingId");
    }

    private JsonObject await(long job, String status) throws InterruptedException {
        JsonObject finished = awaitFinished(job);
        assertEquals(status, finished.getString("status"), finished.toString());
        return finished;
    }

    private JsonObject awaitFinished(long job) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject view = staff().get("api/planning-jobs/" + job).json();
            if (!List.of("QUEUED", "RUNNING").contains(view.getString("status")) && view.containsKey("finishedAt")) {
                return view;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("planning job " + job + " did not finish");
    }


}
