package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static dev.lastmile.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.partners.handoff.soap.AcceptHandoffRequest;
import dev.lastmile.partners.handoff.soap.AcceptHandoffResponse;
import dev.lastmile.partners.handoff.soap.HandoffRefused_Exception;
import dev.lastmile.partners.handoff.soap.PartnerHandoff;
import dev.lastmile.partners.handoff.soap.PartnerHandoffService;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.xml.ws.BindingProvider;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
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
 * Every caller is someone, through the deployed EAR: each staff role's allowed paths and refusals
 * (401 without credentials, 403 with the wrong role, 404 for another depot's things), shipper keys
 * rotated and revoked, partners isolated over REST and over SOAP (the client generated from our WSDL),
 * sign-in through a real OpenID Connect provider with roles from its claims, the audit trail, the
 * lockout after wrong passwords, and the security headers. Two depots far apart: Lerwick (SEC1) and
 * Penzance (SEC2).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String ONE = "SEC1";
    private static final String TWO = "SEC2";
    private static final Map<String, String> passwords = new java.util.HashMap<>();
    private static String parcelOne;
    private static String parcelTwo;
    private static long driverOne;
    private static long driverTwo;
    private static MockOAuth2Server identityProvider;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    @BeforeAll
    static void startIdentityProvider() {
        // mock-oauth2-server logs every request at DEBUG unless given its stand-alone configuration.
        System.setProperty("logback.configurationFile", "logback-standalone.xml");
        Map<String, Object> claims = Map.of("sub", "olivia-42", "preferred_username", "olivia." + RUN,
                "roles", List.of("dispatcher", "some-other-app-role"), "depots", List.of(ONE));
        identityProvider = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                Set.of(new RequestMappingTokenCallback("lastmile", List.of(new RequestMapping("grant_type",
                        "authorization_code", claims, "JWT")), 3600))));
        identityProvider.start(Integer.getInteger("lastmile.it.oidc.port", 13090));
    }

    @AfterAll
    static void stopIdentityProvider() {
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
    }

    private URI root() {
        return URI.create(base.toExternalForm().replaceAll("/?$", "/"));
    }

    private Api admin() {
        return new Api(root());
    }

    private Api anonymous() {
        return Api.anonymous(root());
    }

    private Api as(String username) {
        return anonymous().signedIn(username, passwords.get(username));
    }

    /** The standard probes answer on the full server too, without a credential and without anything personal. */
    @Test
    @Order(13)
    void healthAndMetricsAnswerAtTheirStandardEndpoints() {
        URI server = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/");
        Api.Reply ready = Api.anonymous(server).get("health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"migrations\"")
                && ready.body().contains("\"outbox\""), ready.body());
        assertFalse(ready.body().contains("@"), "an address in the readiness answer: " + ready.body());
        anonymous().get("api/health");
        Api.Reply metrics = Api.anonymous(server).get("metrics?scope=application");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("lastmile_outbox_due"), metrics.body());
        assertTrue(metrics.body().contains("operation=\"GET /api/health\""), metrics.body());
    }

    private static String user(String name) {
        return name + "-" + RUN;
    }

    @Test
    @Order(0)
    void theAdministratorOpensDepotsAndOneAccountPerRole() {
        Api admin = admin();
        for (Object[] depot : new Object[][] {{ONE, "Lerwick", 60.155, -1.145}, {TWO, "Penzance", 50.118, -5.537}}) {
            Api.Reply opened = admin.post("api/depots", Json.createObjectBuilder().add("code", (String) depot[0])
                    .add("name", (String) depot[1]).add("latitude", (double) depot[2]).add("longitude", (double) depot[3]).build());
            assertEquals(201, opened.status(), opened.body());
        }
        open(admin, "dispatcher", "DISPATCHER", List.of(ONE), false);
        open(admin, "dispatcher2", "DISPATCHER", List.of(TWO), false);
        open(admin, "depot", "DEPOT_STAFF", List.of(ONE), false);
        open(admin, "service", "CUSTOMER_SERVICE", List.of(ONE), false);
        open(admin, "manager", "MANAGER", List.of(), true);
        driverOne = admin.post("api/depots/" + ONE + "/drivers", Json.createObjectBuilder().add("name", "Magnus").build())
                .json().getJsonNumber("id").longValue();
        driverTwo = admin.post("api/depots/" + TWO + "/drivers", Json.createObjectBuilder().add("name", "Morwenna").build())
                .json().getJsonNumber("id").longValue();
        Api shipper = admin.asShipper(Shippers.standardKey(admin));
        parcelOne = registered(shipper, aParcel().to("Ola Jamieson", "8 Commercial Street", "ZE1 0AN", 60.1545, -1.1450));
        parcelTwo = registered(shipper, aParcel().to("Jory Pascoe", "2 Market Jew Street", "TR18 2HN", 50.1189, -5.5371));

        // Bad account data is refused field by field, and the password is never echoed.
        long accounts = TestDatabase.count("staff_account");
        assertProblem(admin.post("api/accounts", Json.createObjectBuilder().add("username", "Bad Name")
                .add("roles", Json.createArrayBuilder().add("SHIPPER")).add("password", "short").build()), 400,
                "username", "roles", "password");
        assertEquals(accounts, TestDatabase.count("staff_account"));
    }

    private static void open(Api admin, String name, String role, List<String> depots, boolean allDepots) {
        Api.Reply opened = admin.post("api/accounts", Json.createObjectBuilder().add("username", user(name))
                .add("roles", Json.createArrayBuilder().add(role)).add("depots", Json.createArrayBuilder(depots))
                .add("allDepots", allDepots).build());
        assertEquals(201, opened.status(), opened.body());
        String password = opened.json().getString("password");
        assertTrue(password.length() >= 20, "a generated password: " + password);
        assertFalse(opened.json().getJsonObject("account").containsKey("passwordHash"));
        passwords.put(user(name), password);
    }

    private static String registered(Api shipper, Parcels parcel) {
        Api.Reply reply = shipper.post("api/parcels", parcel.json());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("trackingId");
    }

    @Test
    @Order(1)
    void withoutCredentialsTheBackOfficeAnswers401AndThePublicPartsStillAnswer() {
        Api nobody = anonymous();
        assertProblem(nobody.get("api/depots"), 401);
        assertProblem(nobody.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverOne)
                .add("label", "stolen").build()), 401);
        assertProblem(nobody.get("api/notifications?trackingId=" + parcelOne), 401);
        assertProblem(nobody.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", parcelOne)
                .add("partnerReference", "X").build()), 401);
        assertProblem(nobody.get("api/address-checks"), 401);
        assertProblem(nobody.get("api/audit"), 401);
        assertTrue(nobody.get("api/depots").header("WWW-Authenticate").startsWith("Bearer"));
        // Public by design: tracking shows no contact data, the health check says only that it is up.
        Api.Reply tracking = nobody.get("api/tracking/" + parcelOne);
        assertEquals(200, tracking.status(), tracking.body());
        assertFalse(tracking.body().contains("Ola") || tracking.body().contains("recipient@example.org")
                || tracking.body().contains("sig="), tracking.body());
        assertEquals(200, nobody.get("api/health").status());
        // A wrong token is refused even where nobody would be let in.
        assertProblem(nobody.withToken("a.b.c").get("api/tracking/" + parcelOne), 401);
    }

    @Test
    @Order(2)
    void aDispatcherPlansItsOwnDepotOnlyAndAnotherDepotDoesNotExistForIt() {
        Api dispatcher = as(user("dispatcher"));
        Api.Reply van = dispatcher.post("api/depots/" + ONE + "/vehicles", Json.createObjectBuilder()
                .add("registration", "SEC1 VAN").add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 80).build());
        assertEquals(201, van.status(), van.body());
        assertProblem(dispatcher.post("api/depots/" + TWO + "/vehicles", Json.createObjectBuilder()
                .add("registration", "SEC2 VAN").add("type", "VAN").add("capacityKg", 500).add("capacityParcels", 80).build()), 404);
        assertProblem(dispatcher.get("api/routes?depot=" + TWO + "&date=" + java.time.LocalDate.now().plusDays(1)), 404);
        assertProblem(dispatcher.get("api/depots/" + TWO), 404);
        assertProblem(dispatcher.post("api/planning-jobs", Json.createObjectBuilder().add("depot", TWO)
                .add("date", java.time.LocalDate.now().plusDays(1).toString()).build()), 404);
        JsonArray depots = dispatcher.get("api/depots").jsonArray();
        List<String> codes = depots.getValuesAs(JsonObject.class).stream().map(d -> d.getString("code")).toList();
        assertEquals(List.of(ONE), codes);
        // Not a dispatcher's business: depots, accounts, recipients' contact data, handhelds.
        assertProblem(dispatcher.post("api/depots", Json.createObjectBuilder().add("code", "SEC9").add("name", "x")
                .add("latitude", 1).add("longitude", 1).build()), 403);
        assertProblem(dispatcher.get("api/accounts"), 403);
        assertProblem(dispatcher.get("api/notifications?trackingId=" + parcelOne), 403);
        assertProblem(dispatcher.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverOne)
                .add("label", "x").build()), 403);
        // The other depot's dispatcher sees the other depot.
        assertEquals(List.of(TWO), as(user("dispatcher2")).get("api/depots").jsonArray().getValuesAs(JsonObject.class)
                .stream().map(d -> d.getString("code")).toList());
    }

    @Test
    @Order(3)
    void depotStaffRegisterRotateAndRevokeHandheldsOfTheirOwnDriversOnly() {
        Api depot = as(user("depot"));
        Api.Reply issued = depot.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverOne)
                .add("label", "Lerwick 1").build());
        assertEquals(201, issued.status(), issued.body());
        assertTrue(issued.json().containsKey("expiresAt"));
        String token = issued.json().getString("token");
        long deviceId = issued.json().getJsonNumber("deviceId").longValue();
        assertEquals(200, anonymous().get("api/handheld/manifest", token).status());
        assertProblem(depot.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverTwo)
                .add("label", "Penzance 1").build()), 404);
        // A device token is no staff credential.
        assertProblem(anonymous().get("api/depots", token), 403);

        Api.Reply rotated = depot.post("api/handheld/devices/" + deviceId + "/token", Json.createObjectBuilder().build());
        assertEquals(200, rotated.status(), rotated.body());
        String fresh = rotated.json().getString("token");
        assertNotEquals(token, fresh);
        assertProblem(anonymous().get("api/handheld/manifest", token), 401);
        Api.Reply renewed = anonymous().post("api/handheld/devices/me/token", Json.createObjectBuilder().build(), fresh);
        assertEquals(200, renewed.status(), renewed.body());
        String own = renewed.json().getString("token");
        assertProblem(anonymous().get("api/handheld/manifest", fresh), 401);
        assertEquals(200, anonymous().get("api/handheld/manifest", own).status());

        assertProblem(as(user("dispatcher2")).delete("api/handheld/devices/" + deviceId), 403);
        assertEquals(204, depot.delete("api/handheld/devices/" + deviceId).status());
        assertProblem(anonymous().get("api/handheld/manifest", own), 401);
        assertProblem(depot.post("api/depots/" + ONE + "/vehicles", Json.createObjectBuilder().add("registration", "X")
                .add("type", "VAN").add("capacityKg", 1).add("capacityParcels", 1).build()), 403);
        assertEquals(200, depot.get("api/address-checks").status());
    }

    @Test
    @Order(4)
    void customerServiceReadsContactDataOfItsDepotAndEveryReadIsAudited() {
        Api service = as(user("service"));
        Api.Reply notifications = service.get("api/notifications?trackingId=" + parcelOne);
        assertEquals(200, notifications.status(), notifications.body());
        assertTrue(notifications.body().contains("recipient@example.org"), notifications.body());
        assertProblem(service.get("api/notifications?trackingId=" + parcelTwo), 404);
        assertProblem(service.post("api/depots/" + ONE + "/vehicles", Json.createObjectBuilder().add("registration", "X")
                .add("type", "VAN").add("capacityKg", 1).add("capacityParcels", 1).build()), 403);

        Api.Reply details = service.get("api/customer-service/parcels/" + parcelOne);
        assertEquals(200, details.status(), details.body());
        assertEquals("recipient@example.org", details.json().getString("recipientEmail"));
        JsonObject shown = details.json().getJsonObject("parcel");
        assertTrue(!shown.containsKey("deliveryPin") || shown.isNull("deliveryPin"), shown.toString());
        assertProblem(service.get("api/customer-service/parcels/" + parcelTwo), 404);
        assertProblem(as(user("dispatcher")).get("api/customer-service/parcels/" + parcelOne), 403);

        JsonArray reads = admin().get("api/audit?actor=" + user("service") + "&action=recipient-contact.read").jsonArray();
        assertEquals(2, reads.size(), reads.toString());
        JsonObject entry = reads.getJsonObject(1);
        assertEquals("CUSTOMER_SERVICE", entry.getString("roles"));
        assertEquals(parcelOne, entry.getString("subjectIds"));
        assertEquals("STAFF", entry.getString("actorKind"));
    }

    @Test
    @Order(5)
    void managersReadTheAuditTrailAndChangeNothing() {
        Api manager = as(user("manager"));
        JsonArray changes = manager.get("api/audit?actor=" + user("dispatcher") + "&action=POST").jsonArray();
        assertTrue(changes.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action")
                .equals("POST /api/depots/" + ONE + "/vehicles") && e.getString("subjectIds").contains("code=" + ONE)),
                changes.toString());
        // Refused changes leave no trace of a change.
        assertTrue(changes.getValuesAs(JsonObject.class).stream().noneMatch(e -> e.getString("action").contains(TWO)));
        assertEquals(2, manager.get("api/depots").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("code").startsWith("SEC")).count());
        assertProblem(manager.post("api/depots/" + ONE + "/vehicles", Json.createObjectBuilder().add("registration", "X")
                .add("type", "VAN").add("capacityKg", 1).add("capacityParcels", 1).build()), 403);
        JsonObject verification = manager.get("api/audit/verification").json();
        assertTrue(verification.getBoolean("intact"), verification.toString());
        assertTrue(verification.getJsonNumber("entries").longValue() > 5, verification.toString());
    }

    @Test
    @Order(6)
    void aTamperedAuditEntryBreaksTheChain() throws Exception {
        long seq;
        String actor;
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT seq, actor FROM audit_entry WHERE action = 'recipient-contact.read'"
                    + " ORDER BY seq LIMIT 1");
            rows.next();
            seq = rows.getLong(1);
            actor = rows.getString(2);
            statement.executeUpdate("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = " + seq);
        }
        try {
            JsonObject verification = admin().get("api/audit/verification").json();
            assertFalse(verification.getBoolean("intact"), verification.toString());
            assertEquals(seq, verification.getJsonNumber("firstBrokenSeq").longValue());
        } finally {
            try (var connection = TestDatabase.connect(); var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE audit_entry SET actor = '" + actor + "' WHERE seq = " + seq);
            }
        }
        assertTrue(admin().get("api/audit/verification").json().getBoolean("intact"));
    }

    @Test
    @Order(7)
    void shipperKeysRotateWithTwoLiveKeysAndARevokedKeyStopsAtOnce() {
        Api admin = admin();
        String code = "SEC-" + RUN.toUpperCase();
        String first = admin.post("api/shippers", Json.createObjectBuilder().add("code", code).add("name", "Rotating Ltd")
                .build()).json().getString("apiKey");
        assertProblem(anonymous().post("api/shippers", Json.createObjectBuilder().add("code", "X" + RUN).add("name", "x")
                .build()), 401);
        Api.Reply second = admin.post("api/shippers/" + code + "/keys", Json.createObjectBuilder().build());
        assertEquals(201, second.status(), second.body());
        String secondKey = second.json().getString("apiKey");
        assertEquals(200, anonymous().asShipper(first).get("api/shippers/me/keys").status());
        assertEquals(200, anonymous().asShipper(secondKey).get("api/shippers/me/keys").status());
        assertProblem(admin.post("api/shippers/" + code + "/keys", Json.createObjectBuilder().build()), 409);
        JsonArray keys = admin.get("api/shippers/" + code + "/keys").jsonArray();
        assertEquals(2, keys.size());
        assertFalse(keys.toString().contains(first) || keys.toString().contains(secondKey), "keys are never shown again");
        long firstId = keys.getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, admin.delete("api/shippers/" + code + "/keys/" + firstId).status());
        assertProblem(anonymous().asShipper(first).get("api/shippers/me/keys"), 401);
        assertEquals(200, anonymous().asShipper(secondKey).get("api/shippers/me/keys").status());
        // After a leak: whatever the leaked key issued itself ends too.
        Api.Reply minted = anonymous().asShipper(secondKey).post("api/shippers/me/keys", Json.createObjectBuilder().build());
        assertEquals(201, minted.status(), minted.body());
        String mintedKey = minted.json().getString("apiKey");
        Api.Reply reset = admin.post("api/shippers/" + code + "/keys/reset", Json.createObjectBuilder().build());
        assertEquals(201, reset.status(), reset.body());
        assertProblem(anonymous().asShipper(secondKey).get("api/shippers/me/keys"), 401);
        assertProblem(anonymous().asShipper(mintedKey).get("api/shippers/me/keys"), 401);
        String current = reset.json().getString("apiKey");
        assertEquals(200, anonymous().asShipper(current).get("api/shippers/me/keys").status());
        // A shipper key opens the shipper API and nothing else.
        assertProblem(anonymous().get("api/shippers/" + code + "/keys", "X-Api-Key", current), 403);
    }

    @Test
    @Order(8)
    void partnersSeeAndAcceptOnlyWhatWasOfferedToThemOverRestAndSoap() throws Exception {
        Api admin = admin();
        String alpha = "PA" + RUN.toUpperCase();
        String beta = "PB" + RUN.toUpperCase();
        String alphaSecret = admin.post("api/partners", Json.createObjectBuilder().add("code", alpha).add("name", "Alpha 3PL")
                .build()).json().getString("clientSecret");
        String betaSecret = admin.post("api/partners", Json.createObjectBuilder().add("code", beta).add("name", "Beta 3PL")
                .build()).json().getString("clientSecret");
        // Shetland and Cornwall, where this class's depots are.
        Partners.covering(admin, alpha, List.of("ZE", "TR"), "99.00", 10_000);
        Partners.covering(admin, beta, List.of("ZE", "TR"), "99.00", 10_000);
        Api dispatcher = as(user("dispatcher"));
        assertEquals(201, dispatcher.post("api/partners/" + alpha + "/offers", Json.createObjectBuilder()
                .add("trackingId", parcelOne).build()).status());
        assertProblem(dispatcher.post("api/partners/" + alpha + "/offers", Json.createObjectBuilder()
                .add("trackingId", parcelTwo).build()), 404);

        Api alphaApi = partner(alpha, alphaSecret);
        Api betaApi = partner(beta, betaSecret);
        assertEquals(List.of(parcelOne), alphaApi.get("api/partner/offers").jsonArray().getValuesAs(JsonObject.class)
                .stream().map(o -> o.getString("trackingId")).toList());
        assertEquals(0, betaApi.get("api/partner/offers").jsonArray().size());
        assertProblem(betaApi.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", parcelOne)
                .add("partnerReference", "B-1").build()), 404);
        Api.Reply accepted = alphaApi.post("api/partner/handoffs", Json.createObjectBuilder().add("trackingId", parcelOne)
                .add("partnerReference", "A-1").build());
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals(alpha, accepted.json().getString("partnerCode"));
        assertEquals(1, alphaApi.get("api/partner/handoffs").jsonArray().size());
        assertEquals(0, betaApi.get("api/partner/handoffs").jsonArray().size());
        assertProblem(alphaApi.get("api/depots"), 403);
        assertProblem(anonymous().postRaw("api/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + alpha + "&client_secret=wrong"), 401);

        // SOAP, with the client generated from the published WSDL; the code comes from the credentials.
        assertEquals(201, as(user("dispatcher2")).post("api/partners/" + beta + "/offers", Json.createObjectBuilder()
                .add("trackingId", parcelTwo).build()).status());
        assertEquals("parcel-not-found", refusal(soap(alpha, alphaSecret), parcelTwo, null));
        assertEquals("not-authenticated", refusal(soap(beta, "wrong-secret"), parcelTwo, null));
        assertEquals("not-authenticated", refusal(soap(null, null), parcelTwo, null));
        assertEquals("partner-mismatch", refusal(soap(beta, betaSecret), parcelTwo, alpha));
        AcceptHandoffRequest request = new AcceptHandoffRequest();
        request.setTrackingId(parcelTwo);
        request.setPartnerReference("B-SOAP-1");
        AcceptHandoffResponse response = soap(beta, betaSecret).acceptHandoff(request);
        assertEquals(beta, response.getPartnerCode());
        JsonArray soapAudit = admin.get("api/audit?actor=" + beta + "&action=SOAP").jsonArray();
        assertEquals(1, soapAudit.size(), soapAudit.toString());
        assertEquals("PARTNER", soapAudit.getJsonObject(0).getString("roles"));
    }

    private Api partner(String code, String secret) {
        return Partners.signedIn(anonymous(), code, secret);
    }

    private PartnerHandoff soap(String code, String secret) throws Exception {
        PartnerHandoff port = new PartnerHandoffService(root().resolve("soap/partners/handoff?wsdl").toURL())
                .getPartnerHandoffPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, root().resolve("soap/partners/handoff").toString());
        if (code != null) {
            context.put(BindingProvider.USERNAME_PROPERTY, code);
            context.put(BindingProvider.PASSWORD_PROPERTY, secret);
        }
        return port;
    }

    private static String refusal(PartnerHandoff port, String trackingId, String partnerCode) {
        AcceptHandoffRequest request = new AcceptHandoffRequest();
        request.setTrackingId(trackingId);
        request.setPartnerReference("X-1");
        request.setPartnerCode(partnerCode);
        try {
            port.acceptHandoff(request);
            throw new AssertionError("accepted");
        } catch (HandoffRefused_Exception refused) {
            return refused.getFaultInfo().getCode();
        }
    }

    @Test
    @Order(9)
    void aStaffMemberSignsInThroughTheIdentityProviderWithRolesAndDepotsFromItsClaims() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(root().resolve("api/auth/oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, toProvider.statusCode(), toProvider.body());
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(identityProvider.issuerUrl("lastmile").toString()), authorize.toString());
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, back.statusCode(), back.body());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LASTMILE_SESSION="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"), cookie);

        JsonObject me = Json.createReader(new java.io.StringReader(browser.send(HttpRequest.newBuilder(
                root().resolve("api/auth/me")).build(), HttpResponse.BodyHandlers.ofString()).body())).readObject();
        assertEquals("olivia." + RUN, me.getString("name"));
        assertEquals(List.of("DISPATCHER"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of(ONE), me.getJsonArray("depots").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());

        // The session is a dispatcher of SEC1, and changes from the browser need the CSRF token.
        HttpRequest.Builder vehicle = HttpRequest.newBuilder(root().resolve("api/depots/" + ONE + "/vehicles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("registration", "SEC1 OIDC").add("type", "VAN").add("capacityKg", 100).add("capacityParcels", 10)
                        .build().toString()));
        assertEquals(403, browser.send(vehicle.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> withToken = browser.send(vehicle.header("X-CSRF-Token", me.getString("csrfToken")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, withToken.statusCode(), withToken.body());
        assertEquals(404, browser.send(HttpRequest.newBuilder(root().resolve("api/depots/" + TWO)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(1, admin().get("api/audit?actor=olivia." + RUN + "&action=sign-in.oidc").jsonArray().size());

        // Signing out ends the session.
        browser.send(HttpRequest.newBuilder(root().resolve("api/auth/session")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, browser.send(HttpRequest.newBuilder(root().resolve("api/auth/me")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    @Order(10)
    void repeatedWrongPasswordsLockTheAccountUntilAnAdministratorLiftsIt() {
        Api admin = admin();
        open(admin, "forgetful", "DEPOT_STAFF", List.of(ONE), false);
        String name = user("forgetful");
        Api.Reply unknown = anonymous().token("nobody-" + RUN, "whatever-it-is");
        assertProblem(unknown, 401);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Api.Reply wrong = anonymous().token(name, "not-the-password-" + attempt);
            assertProblem(wrong, 401);
            assertEquals(unknown.json().getString("detail"), wrong.json().getString("detail"),
                    "one message for a wrong name and a wrong password");
        }
        Api.Reply locked = anonymous().token(name, passwords.get(name));
        assertProblem(locked, 401);
        assertEquals(unknown.json().getString("detail"), locked.json().getString("detail"));
        assertTrue(admin.get("api/accounts/" + name).json().getBoolean("locked"));
        assertEquals(1, admin.get("api/audit?action=sign-in.failed.account-locked&subjectId=" + name).jsonArray().size());

        assertProblem(as(user("manager")).post("api/accounts/" + name + "/unlock", Json.createObjectBuilder().build()), 403);
        // The only administrator who can sign in cannot be disabled: nobody could unlock anything after that.
        assertProblem(admin.post("api/accounts/" + Api.ADMIN + "/disable", Json.createObjectBuilder().build()), 409);
        assertEquals(200, admin.post("api/accounts/" + name + "/unlock", Json.createObjectBuilder().build()).status());
        assertEquals(200, anonymous().token(name, passwords.get(name)).status());
    }

    @Test
    @Order(11)
    void aRevokedTokenStopsAtOnce() {
        Api dispatcher = as(user("dispatcher"));
        assertEquals(200, dispatcher.get("api/auth/me").status());
        assertEquals(204, dispatcher.post("api/auth/revocation", Json.createObjectBuilder().build()).status());
        assertProblem(dispatcher.get("api/auth/me"), 401);
        assertEquals(200, as(user("dispatcher")).get("api/auth/me").status());
    }

    /**
     * Last, because it blocks this machine's address: the build shortens the window to 60 s so the block ends
     * soon after (docs/security.md has the production defaults).
     */
    @Test
    @Order(99)
    void manyFailedSignInsFromOneAddressAreSlowedDownForEveryAccount() throws Exception {
        Api.Reply reply = null;
        for (int attempt = 0; attempt < 25; attempt++) {
            reply = anonymous().token("nobody-" + attempt + "-" + RUN, "wrong-password");
            if (reply.status() == 429) {
                break;
            }
            assertEquals(401, reply.status(), reply.body());
        }
        assertProblem(reply, 429);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
        // Even the right password waits: the address is blocked, not the account.
        assertProblem(anonymous().token(Api.ADMIN, Api.ADMIN_PASSWORD), 429);
        Thread.sleep((retryAfter + 1) * 1000);
        assertEquals(200, anonymous().token(Api.ADMIN, Api.ADMIN_PASSWORD).status());
    }

    @Test
    @Order(12)
    void everyResponseCarriesTheSecurityHeaders() {
        for (Api.Reply reply : List.of(anonymous().get(""), anonymous().get("track.html"), anonymous().get("api/depots"),
                admin().get("api/depots"))) {
            String all = reply.headers().toString();
            assertTrue(reply.header("Content-Security-Policy").contains("default-src 'self'"), all);
            assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"), all);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), all);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), all);
        }
    }
}
