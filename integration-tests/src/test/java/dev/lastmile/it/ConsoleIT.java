package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The back-office console in real headless Chromium, through the deployed EAR, with the network cut:
 * each role signs in and sees its own screens; a parcel is searched and opened; an address is placed by
 * a click on the map; a day is planned while the progress bar moves, and published; a handheld is
 * registered and its token shown once; an exception is reviewed; a dispatcher of one depot does not see
 * another's. Every test asserts that no request left localhost and that the page broke no policy.
 * Screenshots of the main screens go to target/screenshots/. Depots in Bath (CON1) and Hull (CON2).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String RUN = Staff.runTag();
    private static final String ONE = "CON1";
    private static final String TWO = "CON2";
    private static final double LAT = 51.3811;
    private static final double LON = -2.3590;
    private static final LocalDate TODAY = LocalDate.now();
    private static final Map<String, String> passwords = new HashMap<>();
    private static final List<String> parcelsOne = new ArrayList<>();
    private static String parcelTwo;
    private static String waitingParcel;
    private static String deviceToken;
    private static String pairingCode;

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

    private static String parcel(Api admin, String name, String line, String postcode, double latitude, double longitude,
                                 LocalDate day) {
        Api.Reply reply = admin.asShipper(Shippers.standardKey(admin)).post("api/parcels",
                aParcel().to(name, line, postcode, latitude, longitude).on(day).json());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("trackingId");
    }

    /** No position and a postcode no gazetteer knows: the parcel waits on the address-check list. */
    private static String unplacedParcel(Api admin, String name, String line, String postcode, LocalDate day) {
        Api.Reply reply = admin.asShipper(Shippers.standardKey(admin)).post("api/parcels", Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", name))
                .add("address", Json.createObjectBuilder().add("line", line).add("town", "Bath").add("postcode", postcode)
                        .add("country", "GB"))
                .add("weightKg", 1.0).add("deliveryDate", day.toString()).build());
        assertEquals(201, reply.status(), reply.body());
        assertEquals("AWAITING_ADDRESS", reply.json().getString("status"));
        return reply.json().getString("trackingId");
    }

    private static String user(String name) {
        return name + "-" + RUN;
    }

    /** Signs in through the console's own form and waits for the header. */
    private Browser signedIn(String name) {
        Browser browser = Browser.start();
        browser.open(root().resolve("console/"));
        browser.type("#signin-username", user(name));
        browser.type("#signin-password", passwords.get(user(name)));
        browser.click("#signin-submit");
        browser.waitForText("#me-name", user(name));
        return browser;
    }

    /** Nothing the page asked for left this machine, and the page policy held. */
    private void assertStayedLocal(Browser browser) {
        String host = root().getHost();
        List<String> requests = browser.requests();
        assertFalse(requests.isEmpty(), "the performance log records the page's requests");
        for (String url : requests) {
            assertTrue(url.startsWith("http://" + host + ":") || url.startsWith("http://" + host + "/"),
                    "a request left localhost: " + url);
        }
        List<String> errors = browser.consoleErrors().stream()
                .filter(e -> e.contains("Content Security Policy") || e.contains("Uncaught")).toList();
        assertTrue(errors.isEmpty(), "the page broke its policy or threw: " + errors);
    }

    /** Every field has a name a screen reader can say: a label, or an aria-label. */
    private static void assertLabelled(Browser browser) {
        Object unlabelled = browser.script("return Array.from(document.querySelectorAll('input, select, textarea'))"
                + ".filter(f => f.type !== 'hidden' && f.labels.length === 0 && !f.getAttribute('aria-label')"
                + " && !f.getAttribute('aria-labelledby')).map(f => f.id || f.name || f.outerHTML);");
        assertEquals(List.of(), unlabelled, "fields without a label");
    }

    private void go(Browser browser, String route) {
        browser.open(root().resolve("console/#/" + route));
        browser.visible("#screen-heading");
    }

    @Test
    @Order(0)
    void anAdministratorSetsUpTwoDepotsWithStaffFleetAndParcels() {
        Api admin = admin();
        for (Object[] depot : new Object[][] {{ONE, "Bath", LAT, LON}, {TWO, "Hull", 53.7457, -0.3367}}) {
            assertEquals(201, admin.post("api/depots", Json.createObjectBuilder().add("code", (String) depot[0])
                    .add("name", (String) depot[1]).add("latitude", (double) depot[2]).add("longitude", (double) depot[3])
                    .build()).status());
        }
        for (String[] account : new String[][] {{"dispatcher", "DISPATCHER", ONE}, {"dispatcher2", "DISPATCHER", TWO},
                {"depot", "DEPOT_STAFF", ONE}, {"service", "CUSTOMER_SERVICE", ONE}, {"manager", "MANAGER", ONE},
                {"chief", "ADMIN", ONE}}) {
            passwords.put(user(account[0]), Staff.open(admin, user(account[0]), account[1], List.of(account[2])));
        }
        for (String van : List.of("A", "B")) {
            assertEquals(201, admin.post("api/depots/" + ONE + "/vehicles", Json.createObjectBuilder()
                    .add("registration", ONE + " " + van).add("type", "VAN").add("capacityKg", 500)
                    .add("capacityParcels", 6).build()).status());
        }
        for (String driver : List.of("Bea Driver" + RUN, "Cal Driver" + RUN)) {
            assertEquals(201, admin.post("api/depots/" + ONE + "/drivers", Json.createObjectBuilder().add("name", driver)
                    .build()).status());
        }
        for (int i = 0; i < 8; i++) {
            parcelsOne.add(parcel(admin, "Recipient" + (char) ('a' + i) + " Bathurst" + RUN, (i + 1) + " Milsom Street", "BA1 1BZ",
                    LAT + 0.002 * (i % 4), LON + 0.002 * (i / 4), TODAY));
        }
        parcelTwo = parcel(admin, "Harriet Humber" + RUN, "4 Whitefriargate", "HU1 2HA", 53.7440, -0.3340, TODAY);
        waitingParcel = unplacedParcel(admin, "Wanda Waiting" + RUN, "1 Nowhere Lane", "BA9 9ZZ", TODAY.plusDays(1));
    }

    @Test
    @Order(1)
    void eachRoleSignsInAndSeesOnlyItsScreens() {
        Map<String, List<String>> shown = Map.of(
                "chief", List.of("#nav-today", "#nav-parcels", "#nav-planning", "#nav-admin-accounts", "#nav-admin-audit"),
                "dispatcher", List.of("#nav-today", "#nav-parcels", "#nav-planning", "#nav-routes", "#nav-fleet"),
                "depot", List.of("#nav-today", "#nav-parcels", "#nav-address-checks", "#nav-exceptions", "#nav-fleet"),
                "service", List.of("#nav-today", "#nav-parcels"),
                "manager", List.of("#nav-today", "#nav-reports", "#nav-admin-audit"));
        Map<String, List<String>> hidden = Map.of(
                "chief", List.of(),
                "dispatcher", List.of("#nav-admin-accounts", "#nav-address-checks", "#nav-admin-audit"),
                "depot", List.of("#nav-planning", "#nav-admin-accounts"),
                "service", List.of("#nav-planning", "#nav-address-checks", "#nav-admin-accounts", "#nav-exceptions"),
                "manager", List.of("#nav-admin-accounts", "#nav-address-checks"));
        for (String name : List.of("chief", "dispatcher", "depot", "service", "manager")) {
            try (Browser browser = signedIn(name)) {
                for (String link : shown.get(name)) {
                    assertTrue(browser.present(link), name + " sees " + link);
                }
                for (String link : hidden.get(name)) {
                    assertFalse(browser.present(link), name + " does not see " + link);
                }
                if (name.equals("dispatcher")) {
                    go(browser, "today");
                    browser.visible("#today-updated");
                    browser.waitUntil("the depot's eight parcels", () -> browser.text("#today-parcels").startsWith("8"));
                    browser.screenshot("today-dispatcher");
                    go(browser, "admin/accounts");
                    assertTrue(browser.present("#not-available"), "a screen of another role says so");
                }
                browser.click("#signout");
                browser.visible("#signin-username");
                assertStayedLocal(browser);
            }
        }
    }

    @Test
    @Order(2)
    void customerServiceFindsAParcelOpensItAndRevealsTheContactOnlyOnRequest() {
        String opened;
        try (Browser browser = signedIn("service")) {
            go(browser, "parcels");
            browser.type("#parcel-search-q", "bathurst" + RUN);
            browser.click("#parcel-search-submit");
            browser.waitUntil("eight results", () -> browser.all("#parcel-results tbody tr").size() == 8);
            browser.screenshot("parcel-search");
            assertLabelled(browser);
            String first = browser.all("#parcel-results tbody tr").get(0).getAttribute("data-tracking-id");
            opened = first;
            assertTrue(parcelsOne.contains(first), first);
            // By keyboard: the row takes the focus and Enter opens it.
            browser.all("#parcel-results tbody tr").get(0).sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.waitUntil("the parcel page", () -> first.equals(browser.visible("#parcel-page").getAttribute("data-tracking-id")));
            assertEquals("REGISTERED", browser.text("#parcel-status").toUpperCase().replace(' ', '_'));
            assertTrue(browser.text("#parcel-timeline").length() > 0);
            assertFalse(browser.pageSource().contains("recipient@example.org"), "contact data only on request");
            browser.click("#show-contact");
            browser.waitForText("#contact-details", "recipient@example.org");
            browser.size(768, 1024);
            browser.screenshot("parcel-page-tablet");

            // A staff action from the page: the reason is required before anything is sent.
            browser.click("#action-hold");
            browser.click("#action-dialog-submit");
            browser.visible("#action-comment-error");
            assertEquals("REGISTERED", admin().get("api/desk/parcels/" + first).json().getJsonObject("parcel")
                    .getString("status"), "nothing sent without a reason");
            browser.type("#action-comment", "Recipient collects it on Friday " + RUN);
            browser.click("#action-dialog-submit");
            browser.waitUntil("held", () -> browser.text("#parcel-status").equalsIgnoreCase("held at depot"));
            assertStayedLocal(browser);
        }
        assertEquals(1, admin().get("api/audit?actor=" + user("service") + "&action=recipient-contact.read&subjectId="
                + opened).jsonArray().size(), "the reveal of that parcel's contact is in the audit trail, once");
    }

    @Test
    @Order(3)
    void depotStaffPlaceAnAddressByClickingOnTheMap() {
        try (Browser browser = signedIn("depot")) {
            go(browser, "address-checks");
            String row = "#address-checks tbody tr[data-tracking-id='" + waitingParcel + "']";
            browser.visible(row);
            browser.click(row + " [data-test=address-check-select]");
            browser.waitUntil("the map's panes", () -> browser.present("#check-map .leaflet-pane"));
            browser.clickAt("#check-map", 60, 40);
            browser.waitUntil("a position from the click", () -> !browser.visible("#check-latitude").getAttribute("value").isEmpty());
            double latitude = Double.parseDouble(browser.visible("#check-latitude").getAttribute("value"));
            assertTrue(Math.abs(latitude - LAT) < 0.5, "the map opens at the depot: " + latitude);
            browser.screenshot("address-check");
            assertLabelled(browser);
            browser.click("#check-place");
            browser.waitUntil("the parcel leaves the list", () -> !browser.present(row));
            assertStayedLocal(browser);
        }
        JsonObject placed = admin().get("api/desk/parcels/" + waitingParcel).json();
        assertEquals("REGISTERED", placed.getJsonObject("parcel").getString("status"));
        assertEquals(ONE, placed.getJsonObject("parcel").getString("depot"));
    }

    @Test
    @Order(4)
    void aDispatcherPlansTheDayWatchesTheProgressAndPublishes() {
        try (Browser browser = signedIn("dispatcher")) {
            go(browser, "planning");
            new Select(browser.visible("#depot-picker")).selectByValue(ONE);
            browser.type("#plan-budget", "4");
            browser.click("#plan-start");
            List<Double> seen = new ArrayList<>();
            browser.waitUntil("the progress bar moves", () -> {
                double value = Double.parseDouble(browser.visible("#planning-progress").getAttribute("value"));
                if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                    seen.add(value);
                }
                return seen.size() >= 3;
            });
            assertTrue(seen.get(2) > seen.get(0), "progress only grows: " + seen);
            browser.visible("#plan-publish");
            browser.waitUntil("the plan on the map", () -> browser.present("#plan-map path.leaflet-interactive"));
            browser.screenshot("planning");
            assertLabelled(browser);
            browser.click("#plan-publish");
            browser.waitUntil("published", () -> browser.text("#plan-status").toUpperCase().contains("PUBLISHED"));
            go(browser, "routes");
            browser.waitUntil("two routes on the board", () -> browser.all("#routes tbody tr").size() == 2);
            browser.waitUntil("their lines on the map", () -> browser.all("#routes-map path.leaflet-interactive").size() >= 2);
            browser.screenshot("route-board");
            assertStayedLocal(browser);
        }
        assertEquals(2, admin().get("api/routes?depot=" + ONE + "&date=" + TODAY).jsonArray().size());
    }

    @Test
    @Order(5)
    void depotStaffRegisterAHandheldAndSeeItsTokenOnce() {
        String driver = admin().get("api/routes?depot=" + ONE + "&date=" + TODAY).jsonArray().getJsonObject(0)
                .getString("driver");
        try (Browser browser = signedIn("depot")) {
            go(browser, "fleet");
            new Select(browser.visible("#depot-picker")).selectByValue(ONE);
            browser.click("#device-register");
            new Select(browser.visible("#device-driver")).selectByVisibleText(driver);
            browser.type("#device-label", "Console handheld");
            browser.click("#device-dialog-submit");
            deviceToken = browser.text("#device-token").strip();
            assertTrue(deviceToken.length() >= 32, deviceToken);
            browser.screenshot("handheld-token");
            browser.click("#secret-close");
            browser.waitUntil("the token is gone from the page", () -> !browser.pageSource().contains(deviceToken));
            browser.waitUntil("the handheld in the list", () -> browser.text("#handhelds").contains("Console handheld"));
            browser.click("#handhelds [data-test=device-pair]");
            String code = browser.text("#pairing-code").strip();
            assertTrue(code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), code);
            assertTrue(browser.visible("#pairing-qr").getAttribute("src").startsWith("data:image/png;base64,"));
            browser.screenshot("handheld-pairing-code");
            browser.click("#pairing-close");
            browser.waitUntil("the code is gone from the page", () -> !browser.pageSource().contains(code));
            pairingCode = code;
            assertStayedLocal(browser);
        }
        assertEquals(200, Api.anonymous(root()).get("api/handheld/manifest?date=" + TODAY, deviceToken).status());
        Api.Reply paired = Api.anonymous(root()).post("api/handheld/pairing", Json.createObjectBuilder().add("code", pairingCode)
                .build());
        assertEquals(200, paired.status(), paired.body());
        assertEquals(401, Api.anonymous(root()).get("api/handheld/manifest?date=" + TODAY, deviceToken).status(),
                "pairing replaced the device's earlier token");
        deviceToken = paired.json().getString("token");
    }

    @Test
    @Order(6)
    void depotStaffReviewAnExceptionWithAComment() {
        Api handheld = Api.anonymous(root());
        JsonObject manifest = handheld.get("api/handheld/manifest?date=" + TODAY, deviceToken).json();
        JsonObject route = manifest.getJsonArray("routes").getJsonObject(0);
        long routeId = route.getJsonNumber("routeId").longValue();
        String trackingId = route.getJsonArray("stops").getJsonObject(0).getString("trackingId");
        assertEquals(200, handheld.post("api/handheld/routes/" + routeId + "/departure", Json.createObjectBuilder().build(),
                deviceToken).status());
        Api.Reply delivered = Handhelds.send(handheld, deviceToken, Handhelds.delivered(trackingId, Instant.now(), LAT + 0.05,
                LON + 0.05, Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Someone Else")
                        .add("signaturePng", Handhelds.signaturePng())));
        assertEquals(200, delivered.status(), delivered.body());
        try (Browser browser = signedIn("depot")) {
            go(browser, "exceptions");
            browser.waitUntil("the exception listed", () -> browser.text("#exceptions").contains(trackingId));
            WebElement row = browser.all("#exceptions tbody tr").stream().filter(r -> r.getText().contains(trackingId)
                    && r.getText().toLowerCase().contains("far from address")).findFirst().orElseThrow();
            String id = row.getAttribute("data-exception-id");
            browser.screenshot("exceptions");
            browser.click("#exceptions tbody tr[data-exception-id='" + id + "'] [data-test=exception-reject]");
            browser.click("#review-dialog-submit");
            browser.visible("#review-comment-error");
            browser.type("#review-comment", "Wrong house; calling the recipient " + RUN);
            browser.click("#review-dialog-submit");
            browser.waitUntil("the exception leaves the list",
                    () -> !browser.present("#exceptions tbody tr[data-exception-id='" + id + "']"));
            assertStayedLocal(browser);
        }
        JsonObject page = admin().get("api/desk/parcels/" + trackingId).json();
        JsonObject exception = page.getJsonArray("exceptions").getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("kind").equals("FAR_FROM_ADDRESS")).findFirst().orElseThrow();
        assertEquals("REJECTED", exception.getString("resolution"));
        assertEquals("Wrong house; calling the recipient " + RUN, exception.getString("note"));
    }

    @Test
    @Order(7)
    void aDispatcherOfOneDepotDoesNotSeeAnothersParcelsOrDepot() {
        try (Browser browser = signedIn("dispatcher2")) {
            go(browser, "today");
            List<String> depots = new Select(browser.visible("#depot-picker")).getOptions().stream()
                    .map(o -> o.getAttribute("value")).toList();
            assertEquals(List.of(TWO), depots);
            go(browser, "parcels");
            browser.type("#parcel-search-q", "bathurst" + RUN);
            browser.click("#parcel-search-submit");
            browser.waitForText("#status", "No parcel matches");
            assertEquals(0, browser.all("#parcel-results tbody tr").size());
            browser.type("#parcel-search-q", "humber" + RUN);
            browser.click("#parcel-search-submit");
            browser.waitUntil("its own depot's parcel", () -> browser.all("#parcel-results tbody tr").size() == 1);
            assertEquals(parcelTwo, browser.all("#parcel-results tbody tr").get(0).getAttribute("data-tracking-id"));
            go(browser, "parcels/" + parcelsOne.get(0));
            browser.waitForText("main", "There is no parcel " + parcelsOne.get(0) + " in your depots");
            assertFalse(browser.present("#parcel-status"), "nothing of the parcel is shown");
            assertStayedLocal(browser);
        }
    }

    @Test
    @Order(8)
    void anAdministratorOpensAnAccountAndAShipperAndSeesEachSecretOnce() {
        String newcomer = user("newcomer");
        String shipperCode = ("S" + RUN).toUpperCase();
        String password;
        String apiKey;
        try (Browser browser = signedIn("chief")) {
            go(browser, "admin/accounts");
            browser.click("#account-add");
            browser.type("#account-username", newcomer);
            browser.click("#role-DEPOT_STAFF");
            browser.click("#depot-" + ONE);
            browser.click("#account-dialog-submit");
            password = browser.text("#account-password-once").strip();
            assertTrue(password.length() >= 20, password);
            browser.screenshot("admin-account-password");
            browser.click("#secret-close");
            browser.waitUntil("the password is gone from the page", () -> !browser.pageSource().contains(password));
            browser.waitUntil("the account in the list", () -> browser.present("#accounts tbody tr[data-username='"
                    + newcomer + "']"));

            go(browser, "admin/shippers");
            browser.click("#shipper-add");
            browser.type("#shipper-code", shipperCode);
            browser.type("#shipper-name", "Console Shipper " + RUN);
            browser.click("#shipper-dialog-submit");
            apiKey = browser.text("#shipper-api-key").strip();
            browser.click("#secret-close");
            browser.waitUntil("the key is gone from the page", () -> !browser.pageSource().contains(apiKey));
            browser.waitUntil("the shipper in the list", () -> browser.present("#shippers tbody tr[data-code='"
                    + shipperCode + "']"));
            assertStayedLocal(browser);
        }
        // What the page showed once works: the new account signs in, the key answers for its shipper.
        JsonObject me = Api.anonymous(root()).signedIn(newcomer, password).get("api/auth/me").json();
        assertEquals(List.of("DEPOT_STAFF"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(200, admin().asShipper(apiKey).get("api/shippers/me/keys").status());
    }

    @Test
    @Order(9)
    void aDispatcherReplansTheRestOfTheDayAfterABreakdown() {
        // The route whose driver has the handheld is out; the other van breaks down before it leaves.
        List<JsonObject> routes = admin().get("api/routes?depot=" + ONE + "&date=" + TODAY).jsonArray()
                .getValuesAs(JsonObject.class);
        String departedDriver = routes.get(0).getString("driver");
        JsonObject broken = routes.stream().filter(r -> !r.getString("driver").equals(departedDriver)).findFirst()
                .orElseThrow();
        try (Browser browser = signedIn("dispatcher")) {
            go(browser, "planning");
            new Select(browser.visible("#depot-picker")).selectByValue(ONE);
            new Select(browser.visible("#replan-vehicle")).selectByValue(broken.getString("vehicle"));
            browser.click("#replan-submit");
            browser.waitForText("#status", "re-planned");
            browser.waitForText("#replan-result", "route " + broken.getJsonNumber("id"));
            browser.screenshot("replan");
            assertStayedLocal(browser);
        }
        JsonObject withdrawn = admin().get("api/routes/" + broken.getJsonNumber("id")).json();
        assertTrue(withdrawn.getBoolean("withdrawn"), withdrawn.toString());
    }
    @Test
    @Order(10)
    void anAdministratorAgreesAPartnersTermsAndADispatcherSendsItAParcel() {
        String letters = ("CP" + RUN).toUpperCase().replaceAll("[^A-Z0-9]", "");
        String code = letters.substring(0, Math.min(16, letters.length()));
        assertEquals(201, admin().post("api/partners", Json.createObjectBuilder().add("code", code).add("name", "Bath Couriers")
                .build()).status());
        String extra = parcel(admin(), "Petra Partner" + RUN, "9 Milsom Street", "BA1 1BZ", LAT, LON, TODAY.plusDays(1));
        try (Browser browser = signedIn("chief")) {
            go(browser, "admin/partners");
            String row = "tr[data-code=" + code + "]";
            browser.click(row + " [data-test=partner-terms]");
            browser.type("#terms-countries", "GB");
            browser.type("#terms-postcode-prefixes", "BA");
            for (String service : List.of("NEXT_DAY", "SAME_DAY", "WEEKEND")) {
                if (!browser.visible("#terms-service-" + service).isSelected()) {
                    browser.click("#terms-service-" + service);
                }
            }
            browser.type("#terms-daily-capacity", "5");
            browser.type("#terms-sla-days", "1");
            browser.type("#terms-price-per-parcel", "2.80");
            browser.click("#terms-dialog-submit");
            browser.waitUntil("the coverage in the table", () -> browser.text(row + " [data-test=partner-coverage]").contains("BA"));
            browser.screenshot("partner-terms");
            assertStayedLocal(browser);
        }
        JsonObject terms = admin().get("api/partners").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("code").equals(code)).findFirst().orElseThrow().getJsonObject("terms");
        assertEquals(5, terms.getInt("dailyCapacity"), terms.toString());
        try (Browser browser = signedIn("dispatcher")) {
            go(browser, "partners/allocation");
            browser.type("#partner-send-tracking-id", extra);
            browser.type("#partner-send-comment", "both vans full " + RUN);
            browser.click("#partner-send-submit");
            browser.waitForText("#partner-allocation-partner", code);
            browser.screenshot("partner-allocation");
            go(browser, "parcels/" + extra);
            browser.waitUntil("the offer on the parcel page", () -> browser.present("#parcel-offers tbody tr[data-offer-id]"));
            assertTrue(browser.text("#parcel-offers").contains(code), browser.text("#parcel-offers"));
            assertStayedLocal(browser);
        }
        Api shipper = admin().asShipper(Shippers.standardKey(admin()));
        assertEquals("OFFERED_TO_PARTNER", shipper.get("api/parcels/" + extra).json().getString("status"));
    }
}
