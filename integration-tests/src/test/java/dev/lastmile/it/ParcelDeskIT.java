package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static dev.lastmile.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The back office's parcel desk through the deployed EAR: search by tracking id, reference, postcode and
 * name, scoped to the caller's depots; a parcel's whole story; the staff actions with their comment in
 * the audit trail, refused in the wrong state or role with nothing changed; a depot's day; exception
 * review; handhelds listed without tokens; an address placed by a corrected postcode. Two depots far
 * from the others' tests: Aberystwyth (DSK1) and Norwich (DSK2).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParcelDeskIT {

    private static final String RUN = Staff.runTag();
    private static final String ONE = "DSK1";
    private static final String TWO = "DSK2";
    private static final double LAT = 52.4153;
    private static final double LON = -4.0829;
    private static final LocalDate TODAY = LocalDate.now();
    private static final Map<String, String> passwords = new HashMap<>();
    private static final Map<String, String> parcels = new HashMap<>();
    private static long driverOne;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    private URI root() {
        return URI.create(base.toExternalForm().replaceAll("/?$", "/"));
    }

    private Api admin() {
        return new Api(root());
    }

    private Api as(String name) {
        return Api.anonymous(root()).signedIn(user(name), passwords.get(user(name)));
    }

    private static String user(String name) {
        return name + "-" + RUN;
    }

    private static String registered(Api admin, Parcels parcel) {
        Api.Reply reply = admin.asShipper(Shippers.standardKey(admin)).post("api/parcels", parcel.json());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("trackingId");
    }

    private static List<String> trackingIds(Api.Reply found) {
        assertEquals(200, found.status(), found.body());
        return found.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(hit -> hit.getString("trackingId")).toList();
    }

    @Test
    @Order(0)
    void twoDepotsWithTheirStaffAndParcels() {
        Api admin = admin();
        // DSK3 sits on a postcode of the built-in gazetteer (SW15 1SQ, Putney), where no other test delivers.
        for (Object[] depot : new Object[][] {{ONE, "Aberystwyth", LAT, LON}, {TWO, "Norwich", 52.6309, 1.2974},
                {"DSK3", "Putney", 51.4620, -0.2160}}) {
            assertEquals(201, admin.post("api/depots", Json.createObjectBuilder().add("code", (String) depot[0])
                    .add("name", (String) depot[1]).add("latitude", (double) depot[2]).add("longitude", (double) depot[3])
                    .build()).status());
        }
        passwords.put(user("depot"), Staff.open(admin, user("depot"), "DEPOT_STAFF", List.of(ONE)));
        passwords.put(user("depot2"), Staff.open(admin, user("depot2"), "DEPOT_STAFF", List.of(TWO)));
        passwords.put(user("dispatcher"), Staff.open(admin, user("dispatcher"), "DISPATCHER", List.of(ONE)));
        passwords.put(user("service"), Staff.open(admin, user("service"), "CUSTOMER_SERVICE", List.of(ONE)));
        passwords.put(user("manager"), Staff.open(admin, user("manager"), "MANAGER", List.of(ONE)));
        driverOne = admin.post("api/depots/" + ONE + "/drivers", Json.createObjectBuilder().add("name", "Dafydd").build())
                .json().getJsonNumber("id").longValue();
        parcels.put("carys", registered(admin, aParcel().to("Carys Pritchard" + RUN, "3 Great Darkgate Street", "SY23 1DE",
                LAT + 0.001, LON + 0.001).reference("DESK-" + RUN + "-1").on(TODAY)));
        parcels.put("huw", registered(admin, aParcel().to("Huw Jenkins" + RUN, "9 Pier Street", "SY23 2LN",
                LAT + 0.002, LON).reference("DESK-" + RUN + "-2").on(TODAY.plusDays(1))));
        parcels.put("norwich", registered(admin, aParcel().to("Carys Norfolk" + RUN, "1 Elm Hill", "NR3 1HN",
                52.6318, 1.2990).reference("DESK-" + RUN + "-3").on(TODAY)));
    }

    @Test
    @Order(1)
    void staffFindParcelsByWhatTheyAreGivenWithinTheirOwnDepots() {
        Api depot = as("depot");
        assertEquals(List.of(parcels.get("carys")), trackingIds(depot.get("api/desk/parcels?q=" + parcels.get("carys"))));
        // The start of a reference, of a name's word (any word), of a postcode typed without its space.
        assertEquals(List.of(parcels.get("huw"), parcels.get("carys")),
                trackingIds(depot.get("api/desk/parcels?q=DESK-" + RUN)), "newest first, the other depot's left out");
        assertEquals(List.of(parcels.get("carys")), trackingIds(depot.get("api/desk/parcels?q=pritchard" + RUN)));
        assertEquals(List.of(parcels.get("carys")), trackingIds(depot.get("api/desk/parcels?q=carys%20pritch")),
                "every word is the start of one of the name's words");
        assertTrue(trackingIds(depot.get("api/desk/parcels?q=sy231de&size=100")).contains(parcels.get("carys")));
        assertFalse(trackingIds(depot.get("api/desk/parcels?q=sy231de&size=100")).contains(parcels.get("huw")));
        // Paged: one per page, the total tells how many.
        JsonObject first = depot.get("api/desk/parcels?q=DESK-" + RUN + "&size=1").json();
        assertEquals(2, first.getJsonNumber("total").longValue());
        assertEquals(parcels.get("carys"), trackingIds(depot.get("api/desk/parcels?q=DESK-" + RUN + "&size=1&page=1")).get(0));
        // The other depot's staff find only theirs; asking for a depot not yours finds nothing.
        assertEquals(List.of(parcels.get("norwich")), trackingIds(as("depot2").get("api/desk/parcels?q=DESK-" + RUN)));
        assertEquals(List.of(), trackingIds(depot.get("api/desk/parcels?q=DESK-" + RUN + "&depot=" + TWO)));
        assertProblem(depot.get("api/desk/parcels/" + parcels.get("norwich")), 404);
        // Filters and bad input.
        assertEquals(List.of(parcels.get("huw")), trackingIds(depot.get("api/desk/parcels?q=DESK-" + RUN + "&date="
                + TODAY.plusDays(1))));
        assertProblem(depot.get("api/desk/parcels?status=LOST&size=1000"), 400, "status");
        assertProblem(depot.get("api/desk/parcels?page=-1"), 400, "page");
        assertProblem(depot.get("api/desk/parcels?page=abc&size=x"), 400, "page", "size");
        assertProblem(depot.get("api/desk/parcels?size=101"), 400, "size");
        assertProblem(depot.get("api/desk/parcels?q=" + "x".repeat(65)), 400, "q");
        // Full-text operators are not words: nothing breaks, nothing is found by them.
        assertEquals(200, depot.get("api/desk/parcels?q=" + Api.encode("+pritchard* -\"(x)\" @2")).status());
        assertProblem(Api.anonymous(root()).get("api/console/settings"), 401);
        assertProblem(Api.anonymous(root()).get("api/desk/parcels?q=DESK"), 401);
    }

    @Test
    @Order(2)
    void theParcelPageTellsTheStoryAndOffersOnlyWhatTheCallerMayDo() {
        JsonObject page = as("depot").get("api/desk/parcels/" + parcels.get("carys")).json();
        assertEquals("REGISTERED", page.getJsonObject("parcel").getString("status"));
        assertFalse(page.getJsonObject("parcel").containsKey("deliveryPin"));
        assertEquals("CREATED", page.getJsonArray("timeline").getJsonObject(0).getString("code"));
        assertEquals(List.of("REATTEMPT", "HOLD", "RETURN_TO_SENDER", "CORRECT_ADDRESS", "REPRINT_LABEL"),
                page.getJsonArray("actions").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        for (JsonObject notification : page.getJsonArray("notifications").getValuesAs(JsonObject.class)) {
            assertFalse(notification.toString().contains("@"), "no e-mail address on the page: " + notification);
        }
        assertTrue(as("manager").get("api/desk/parcels/" + parcels.get("carys")).json().getJsonArray("actions").isEmpty());
        assertEquals(List.of("REATTEMPT", "HOLD", "RETURN_TO_SENDER", "CORRECT_ADDRESS"),
                as("service").get("api/desk/parcels/" + parcels.get("carys")).json().getJsonArray("actions")
                        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        Api.Reply label = as("depot").get("api/desk/parcels/" + parcels.get("carys") + "/label");
        assertEquals(200, label.status());
        assertTrue(new String(label.bytes(), 0, 5).startsWith("%PDF"));
        assertProblem(as("service").get("api/desk/parcels/" + parcels.get("carys") + "/label"), 403);
        assertProblem(as("depot").get("api/desk/parcels/" + parcels.get("carys") + "/proof/signature"), 404);
    }

    @Test
    @Order(3)
    void holdReattemptAndReturnAreRecordedWithTheirReason() {
        Api depot = as("depot");
        String carys = parcels.get("carys");
        // Without a reason, or an impossible date, nothing changes.
        assertProblem(depot.post("api/desk/parcels/" + carys + "/hold", Json.createObjectBuilder()
                .add("until", TODAY.plusDays(3).toString()).build()), 400, "comment");
        assertProblem(depot.post("api/desk/parcels/" + carys + "/hold", Json.createObjectBuilder()
                .add("until", TODAY.plusDays(30).toString()).add("comment", "too long").build()), 400, "until");
        assertProblem(as("manager").post("api/desk/parcels/" + carys + "/hold", Json.createObjectBuilder()
                .add("until", TODAY.plusDays(3).toString()).add("comment", "managers only look").build()), 403);
        assertEquals("REGISTERED", depot.get("api/desk/parcels/" + carys).json().getJsonObject("parcel").getString("status"));

        Api.Reply held = depot.post("api/desk/parcels/" + carys + "/hold", Json.createObjectBuilder()
                .add("until", TODAY.plusDays(3).toString()).add("comment", "Recipient phoned: collecting " + RUN).build());
        assertEquals(200, held.status(), held.body());
        assertEquals("HELD_AT_DEPOT", held.json().getJsonObject("parcel").getString("status"));
        assertEquals(TODAY.plusDays(3).toString(), held.json().getJsonObject("choices").getString("holdUntil"));
        JsonArray timeline = held.json().getJsonArray("timeline");
        assertEquals("HELD_AT_DEPOT", timeline.getJsonObject(timeline.size() - 1).getString("code"));
        JsonArray audit = admin().get("api/audit?actor=" + user("depot")).jsonArray();
        assertTrue(audit.getValuesAs(JsonObject.class).stream().anyMatch(entry -> entry.getString("action")
                .equals("POST /api/desk/parcels/" + carys + "/hold")
                && entry.getString("detail", "").contains("Recipient phoned: collecting " + RUN)), audit.toString());

        Api.Reply again = depot.post("api/desk/parcels/" + carys + "/reattempt", Json.createObjectBuilder()
                .add("date", TODAY.plusDays(2).toString()).add("comment", "Recipient asked for Thursday").build());
        assertEquals(200, again.status(), again.body());
        assertEquals("REGISTERED", again.json().getJsonObject("parcel").getString("status"));
        assertEquals(TODAY.plusDays(2).toString(), again.json().getJsonObject("parcel").getString("deliveryDate"));

        Api.Reply returned = as("service").post("api/desk/parcels/" + carys + "/return-to-sender",
                Json.createObjectBuilder().add("comment", "Shipper recalled the order").build());
        assertEquals(200, returned.status(), returned.body());
        assertEquals("RETURNING_TO_SENDER", returned.json().getJsonObject("parcel").getString("status"));
        JsonObject shipment = returned.json().getJsonObject("returnShipment");
        assertNotNull(shipment, returned.body());
        assertFalse(shipment.getString("reason").contains("Shipper recalled the order"), "staff's words are for the audit");
        assertTrue(admin().get("api/audit?actor=" + user("service")).body().contains("Shipper recalled the order"));
        assertTrue(returned.json().getJsonArray("actions").isEmpty(), "nothing more to do once on its way back");
        // A second return is refused: the parcel is no longer at the depot.
        assertProblem(depot.post("api/desk/parcels/" + carys + "/return-to-sender", Json.createObjectBuilder()
                .add("comment", "twice").build()), 409);
        assertProblem(depot.post("api/desk/parcels/" + carys + "/hold", Json.createObjectBuilder()
                .add("until", TODAY.plusDays(1).toString()).add("comment", "no").build()), 409);
    }

    @Test
    @Order(4)
    void anAddressIsCorrectedOrPlacedByItsPostcode() {
        Api depot = as("depot");
        String huw = parcels.get("huw");
        Api.Reply moved = depot.put("api/desk/parcels/" + huw + "/address", Json.createObjectBuilder()
                .add("line", "11 Pier Street").add("town", "Aberystwyth").add("postcode", "SY23 2LN")
                .add("latitude", LAT + 0.0021).add("longitude", LON + 0.0001).add("comment", "House number was wrong")
                .build());
        assertEquals(200, moved.status(), moved.body());
        assertEquals("11 Pier Street", moved.json().getJsonObject("parcel").getJsonObject("address").getString("line"));
        assertEquals(ONE, moved.json().getJsonObject("parcel").getString("depot"));
        assertProblem(depot.put("api/desk/parcels/" + huw + "/address", Json.createObjectBuilder()
                .add("line", "11 Pier Street").add("town", "Aberystwyth").add("postcode", "ZZ99 9ZZ")
                .add("comment", "unknown postcode, no position").build()), 400, "postcode");
        assertEquals("11 Pier Street", depot.get("api/desk/parcels/" + huw).json().getJsonObject("parcel")
                .getJsonObject("address").getString("line"));

        // An address nobody could place waits; a corrected postcode the gazetteer knows places it.
        Api.Reply waiting = admin().asShipper(Shippers.standardKey(admin())).post("api/parcels", Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", "Sherlock Holmes" + RUN))
                .add("address", Json.createObjectBuilder().add("line", "221B Baker Street").add("town", "London")
                        .add("postcode", "NW1 9ZZ").add("country", "GB"))
                .add("weightKg", 1.0).add("deliveryDate", TODAY.plusDays(1).toString()).build());
        assertEquals(201, waiting.status(), waiting.body());
        String trackingId = waiting.json().getString("trackingId");
        assertEquals("AWAITING_ADDRESS", waiting.json().getString("status"));
        assertProblem(depot.put("api/address-checks/" + trackingId, Json.createObjectBuilder().add("postcode", "NW1 9ZY")
                .build()), 400, "postcode");
        Api.Reply placed = depot.put("api/address-checks/" + trackingId, Json.createObjectBuilder()
                .add("postcode", "sw15 1sq").build());
        assertEquals(200, placed.status(), placed.body());
        assertEquals("REGISTERED", placed.json().getString("status"));
        assertEquals("SW15 1SQ", placed.json().getJsonObject("address").getString("postcode"));
        assertEquals("DSK3", placed.json().getString("depot"), "the depot of the gazetteer's position");
        // Placed, it is no longer on the list, and placing it again is refused.
        assertProblem(depot.put("api/address-checks/" + trackingId, Json.createObjectBuilder()
                .add("postcode", "SW15 1SQ").build()), 409);
    }

    @Test
    @Order(5)
    void theDepotsDayExceptionsAndHandheldsForTheirStaff() {
        Api admin = admin();
        // A route with a delivery far from its address raises an exception.
        admin.post("api/depots/" + ONE + "/vehicles", Json.createObjectBuilder().add("registration", ONE + " VAN")
                .add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 20).build());
        String far = registered(admin, aParcel().to("Gwen Far" + RUN, "5 North Parade", "SY23 2JH", LAT + 0.003,
                LON + 0.002).on(TODAY));
        JsonObject plan = admin.post("api/plans", Json.createObjectBuilder().add("depot", ONE).add("date", TODAY.toString())
                .build()).json();
        long routeId = plan.getJsonArray("routes").getJsonObject(0).getJsonNumber("id").longValue();
        Api depot = as("depot");
        Api.Reply issued = depot.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverOne)
                .add("label", "Desk handheld").build());
        assertEquals(201, issued.status(), issued.body());
        String token = issued.json().getString("token");
        JsonArray devices = depot.get("api/handheld/devices?depot=" + ONE).jsonArray();
        assertEquals(1, devices.size(), devices.toString());
        assertFalse(devices.toString().contains(token), "the list never shows a token");
        assertTrue(devices.getJsonObject(0).getBoolean("active"));
        assertProblem(as("depot2").get("api/handheld/devices?depot=" + ONE), 404);

        Api handheld = Api.anonymous(root());
        Instant now = Instant.now();
        assertEquals(200, handheld.post("api/handheld/routes/" + routeId + "/departure", JsonValue.EMPTY_JSON_OBJECT,
                token).status());
        Api.Reply scanned = Handhelds.send(handheld, token, Handhelds.delivered(far, now, LAT + 0.05, LON + 0.05,
                Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Gwen")
                        .add("signaturePng", Handhelds.signaturePng())));
        assertEquals(200, scanned.status(), scanned.body());

        JsonObject day = depot.get("api/depots/" + ONE + "/today").json();
        assertEquals(1, day.getInt("vansOut"), day.toString());
        assertTrue(day.getInt("delivered") >= 1, day.toString());
        assertTrue(day.getJsonNumber("openExceptions").longValue() >= 1, day.toString());
        JsonObject route = day.getJsonArray("routes").getJsonObject(0);
        assertEquals("OUT", route.getString("status"));
        assertTrue(Instant.parse(route.getString("departedAt")).isAfter(now.minusSeconds(60)), route.toString());
        assertTrue(route.getInt("stopsDone") >= 1 && route.getInt("stopsDone") <= route.getInt("stops"), route.toString());
        assertProblem(as("depot2").get("api/depots/" + ONE + "/today"), 404);

        JsonObject exception = depot.get("api/pod/exceptions?depot=" + ONE).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(x -> x.getString("trackingId").equals(far) && x.getString("kind").equals("FAR_FROM_ADDRESS"))
                .findFirst().orElseThrow();
        long id = exception.getJsonNumber("id").longValue();
        assertProblem(depot.post("api/pod/exceptions/" + id + "/review", Json.createObjectBuilder()
                .add("decision", "ACCEPTED").build()), 400, "comment");
        assertProblem(as("manager").post("api/pod/exceptions/" + id + "/review", Json.createObjectBuilder()
                .add("decision", "ACCEPTED").add("comment", "ok").build()), 403);
        assertProblem(as("depot2").post("api/pod/exceptions/" + id + "/review", Json.createObjectBuilder()
                .add("decision", "ACCEPTED").add("comment", "ok").build()), 404);
        Api.Reply reviewed = depot.post("api/pod/exceptions/" + id + "/review", Json.createObjectBuilder()
                .add("decision", "REJECTED").add("comment", "Driver was at the wrong house; call the recipient").build());
        assertEquals(200, reviewed.status(), reviewed.body());
        assertEquals("REJECTED", reviewed.json().getString("resolution"));
        assertEquals(user("depot"), reviewed.json().getString("reviewedBy"));
        assertTrue(depot.get("api/pod/exceptions?depot=" + ONE).jsonArray().getValuesAs(JsonObject.class).stream()
                .noneMatch(x -> x.getJsonNumber("id").longValue() == id), "reviewed, it leaves the open list");
        assertProblem(depot.post("api/pod/exceptions/" + id + "/review", Json.createObjectBuilder()
                .add("decision", "ACCEPTED").add("comment", "again").build()), 409);
        JsonObject page = depot.get("api/desk/parcels/" + far).json();
        assertEquals("REJECTED", page.getJsonArray("exceptions").getJsonObject(0).getString("resolution"));
        assertTrue(page.getJsonObject("proof").getBoolean("signature"));
        Api.Reply signature = depot.get("api/desk/parcels/" + far + "/proof/signature");
        assertEquals(200, signature.status());
        assertEquals("image/png", signature.contentType());
    }
}
