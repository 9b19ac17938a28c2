package dev.lastmile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.partners.network.soap.AcceptParcelRequest;
import dev.lastmile.partners.network.soap.GetManifestRequest;
import dev.lastmile.partners.network.soap.PartnerNetwork;
import dev.lastmile.partners.network.soap.PartnerNetworkService;
import dev.lastmile.partners.network.soap.PartnerStatus;
import dev.lastmile.partners.network.soap.ReportStatusRequest;
import dev.lastmile.partners.network.soap.StatusEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.xml.ws.BindingProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the Payara Micro packaging, started exactly as the README's run command starts it:
 * embedded MariaDB, Payara Micro with lastmile.war, the demo day loaded through the API.
 */
class MicroSmokeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path DATA = Path.of("target", "smoke-data").toAbsolutePath();
    private static final int DB_PORT = 13326;
    private static Lastmile system;
    private static URI base;

    @BeforeAll
    static void start() {
        LaunchOptions options = new LaunchOptions(18080, DB_PORT, DATA, true, true);
        system = Lastmile.start(options, Lastmile.runtimeDirectory());
        base = system.baseUri();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
            assertThrows(ConnectException.class, () -> get("api/depots"), "Payara Micro must be gone after close");
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void healthAndMetricsAnswerAtTheirStandardEndpoints() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = json(ready);
        assertEquals("UP", readiness.getString("status"));
        Set<String> checks = new java.util.HashSet<>();
        readiness.getJsonArray("checks").getValuesAs(JsonObject.class).forEach(check -> checks.add(check.getString("name")));
        assertEquals(Set.of("database", "migrations", "outbox"), checks);
        assertEquals(200, get("health/live").statusCode());

        get("api/tracking/" + system.highlights().deliveredTrackingId() + "?postcode="
                + system.highlights().deliveredPostcode().replace(" ", "+"));
        String metrics = get("metrics?scope=application").body();
        for (String metric : List.of("lastmile_outbox_due", "lastmile_outbox_oldest_seconds", "lastmile_planning_jobs_active",
                "lastmile_scans_total", "lastmile_requests_seconds_count{mp_scope=\"application\",operation=\"GET /api/tracking/{trackingId}\"")) {
            assertTrue(metrics.contains(metric), metric + " missing from /metrics");
        }
    }

    @Test
    void errorsNoResourceAnsweredAreProblemDocumentsAndTheSoapEndpointPageIsNotShown() throws Exception {
        HttpResponse<String> missing = get("no/such/page");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        HttpResponse<String> endpointPage = get("soap/partners/v2");
        assertEquals(405, endpointPage.statusCode());
        assertFalse(endpointPage.body().contains("dev.lastmile"), "the implementation class shown: " + endpointPage.body());
        assertEquals(200, get("soap/partners/v2?wsdl").statusCode());
    }

    /** Payara Micro keeps its last deployment under its root directory; started again it must not run two copies. */
    @Test
    void theServerDeploysTheApplicationOnce() throws Exception {
        String log = java.nio.file.Files.readString(system.serverLog());
        assertEquals(1, log.split("Loading application \\[lastmile\\]", -1).length - 1, "deployments in " + system.serverLog());
    }

    @Test
    void aShipperCreatesAParcelAndReadsItBack() throws Exception {
        String body = Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", "Mary Seacole"))
                .add("address", Json.createObjectBuilder().add("line", "7 Tottenham Court Road").add("town", "London")
                        .add("postcode", "W1T 7NE").add("country", "GB").add("latitude", 51.519).add("longitude", -0.134))
                .add("weightKg", 2.5).add("deliveryDate", LocalDate.now().plusDays(1).toString()).build().toString();
        String key = system.administrator().post("api/shippers", Json.createObjectBuilder().add("code", "SMOKE")
                .add("name", "Smoke Test Ltd").build()).getString("apiKey");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(base.resolve("api/parcels"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String trackingId = json(created).getString("trackingId");

        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(base.resolve("api/parcels/" + trackingId))
                .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        assertEquals("Mary Seacole", json(read).getString("recipientName"));
        assertEquals("LON1", json(read).getString("depot"));
    }

    /** The demo's Belfast parcel: no depot delivers there, so intake offered it to the demo partner. */
    @Test
    void theDemoPartnerFindsTheBelfastParcelOnItsManifest() throws Exception {
        DemoDay.Highlights demo = system.highlights();
        String token = new ApiClient(base).partnerToken(demo.partnerCode(), demo.partnerSecret());
        JsonArray manifest = new ApiClient(base).withToken(token).getArray("api/partner/manifest?day="
                + LocalDate.now(ZoneId.of("Europe/London")).plusDays(1));
        assertTrue(manifest.getValuesAs(JsonObject.class).stream().anyMatch(l -> l.getString("trackingId")
                .equals(demo.partnerParcel()) && l.getString("state").equals("OFFERED")), manifest.toString());
    }

    @Test
    void theDemoDayIsPlannedAndItsDeliveredParcelIsTrackable() throws Exception {
        DemoDay.Highlights demo = system.highlights();
        assertNotNull(demo);
        HttpResponse<String> tracking = get("api/tracking/" + demo.deliveredTrackingId() + "?postcode="
                + demo.deliveredPostcode().replace(" ", "%20"));
        assertEquals(200, tracking.statusCode(), tracking.body());
        List<String> codes = json(tracking).getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .map(step -> step.getString("code")).toList();
        assertEquals(List.of("CREATED", "PLANNED", "OUT_FOR_DELIVERY", "DELIVERED"), codes);

        DemoAccounts.Account dispatcher = system.demoAccounts().stream().filter(a -> a.role().equals("DISPATCHER"))
                .findFirst().orElseThrow();
        JsonArray planned = new ApiClient(base).signedIn(dispatcher.username(), dispatcher.password())
                .getArray("api/routes?depot=LON1&date=" + LocalDate.now(ZoneId.of("Europe/London")));
        int stops = planned.getValuesAs(JsonObject.class).stream().mapToInt(r -> r.getJsonArray("stops").size()).sum();
        assertEquals(200, stops, "every demo parcel is on a route");
    }

    @Test
    void theDemosNotificationsReachItsPostOfficeByEmailAndSms() throws Exception {
        // Jakarta Mail on Payara Micro and the HTTP SMS gateway, end to end through the outbox.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((system.postOffice().emails() == 0 || system.postOffice().textMessages() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(system.postOffice().emails() > 0, "no email reached the post office");
        assertTrue(system.postOffice().textMessages() > 0, "no SMS reached the post office");
        HttpResponse<String> mailbox = HTTP.send(HttpRequest.newBuilder(system.postOffice().mailbox()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(mailbox.body().contains("is on its way"), mailbox.body());
    }

    @Test
    void thePrintedPagesAnswer() throws Exception {
        assertTrue(get("").body().contains("Lastmile is running"));
        assertTrue(get("track.html").body().contains("Tracking id"));
        HttpResponse<String> apiDocs = get("api-docs/");
        assertEquals(200, apiDocs.statusCode());
        String script = apiDocs.body().replaceAll("(?s).*src=\"\\.\\./(webjars/[^\"]+\\.js)\".*", "$1");
        assertEquals(200, get(script).statusCode(), "the OpenAPI UI is served from the application itself: " + script);
        // The console and its map library come from the WAR itself on Payara Micro too.
        HttpResponse<String> console = get("console/");
        assertEquals(200, console.statusCode());
        assertTrue(console.body().contains("js/app.js"), console.body());
        String leaflet = console.body().replaceAll("(?s).*src=\"\\.\\./(webjars/leaflet/[^\"]+\\.js)\".*", "$1");
        assertEquals(200, get(leaflet).statusCode(), "Leaflet from its webjar: " + leaflet);
        assertEquals(200, get("console/js/app.js").statusCode());
        HttpResponse<String> openApi = get("openapi");
        assertTrue(openApi.body().contains("/api/parcels"), openApi.body());
        assertTrue(openApi.body().contains("/api/tracking/{trackingId}"));
    }

    /** What anyone may call without credentials; everything else in /openapi must answer 401 or 403. */
    private static final Set<String> PUBLIC_BY_DESIGN = Set.of(
            "GET /api/health", "GET /api/tracking/{trackingId}", "GET /api/proofs/{trackingId}",
            "POST /api/auth/token", "POST /api/auth/session", "DELETE /api/auth/session",
            "GET /api/auth/oidc", "GET /api/auth/oidc/callback",
            // The one-time pairing code in the body is the handheld's credential.
            "POST /api/handheld/pairing");

    private static boolean publicByDesign(String operation) {
        // The recipient's self-service link is its own credential (a signature over the tracking id).
        return PUBLIC_BY_DESIGN.contains(operation) || operation.matches("(GET|PUT|POST) /api/choices/\\{trackingId}.*");
    }

    @Test
    void theDriversAppIsServedWithItsOfflineCacheStampedByTheBuild() throws Exception {
        HttpResponse<String> page = get("driver/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("js/main.js"), page.body());
        HttpResponse<String> worker = get("driver/sw.js");
        assertEquals(200, worker.statusCode());
        assertTrue(worker.body().matches("(?s).*const VERSION = 'lastmile-driver-[0-9A-Za-z.-]+-\\d{14}';.*"), worker.body());
        for (String asset : List.of("driver/js/outbox.js", "driver/i18n/de.json",
                "webjars/signature_pad/5.0.4/dist/signature_pad.umd.min.js", "webjars/leaflet/1.9.4/dist/leaflet.js")) {
            assertEquals(200, get(asset).statusCode(), asset);
        }
    }

    @Test
    void everyOperationInTheOpenApiDocumentRefusesACallerWithoutCredentials() throws Exception {
        JsonObject document = json(HTTP.send(HttpRequest.newBuilder(base.resolve("openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
        List<String> open = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<String, jakarta.json.JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, jakarta.json.JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
                String verb = entry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
                    continue;
                }
                walked++;
                String operation = verb + " " + path.getKey();
                URI uri = base.resolve(path.getKey().substring(1).replaceAll("\\{[^}]+}", "1"));
                // The media type the operation takes, so that content negotiation does not answer before security does.
                JsonObject body = entry.getValue().asJsonObject().getJsonObject("requestBody");
                String mediaType = body == null || !body.containsKey("content") ? "application/json"
                        : body.getJsonObject("content").keySet().iterator().next();
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", mediaType);
                request = verb.equals("GET") || verb.equals("DELETE") ? request.method(verb, HttpRequest.BodyPublishers.noBody())
                        : request.method(verb, HttpRequest.BodyPublishers.ofString("{}"));
                int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (publicByDesign(operation)) {
                    assertTrue(status < 500, operation + " answered " + status);
                } else if (status != 401 && status != 403) {
                    open.add(operation + " -> " + status);
                }
            }
        }
        assertTrue(walked > 60, "walked only " + walked + " operations");
        assertEquals(List.of(), open, "operations that answer a caller without credentials");
    }

    @Test
    void theRunCommandOpensOneDemoAccountPerRoleWithGeneratedPasswords() {
        List<String> roles = system.demoAccounts().stream().map(DemoAccounts.Account::role).toList();
        assertEquals(List.of("DISPATCHER", "DEPOT_STAFF", "CUSTOMER_SERVICE", "MANAGER", "PARTNER"), roles);
        system.demoAccounts().forEach(a -> assertTrue(a.password().length() >= 20, a.username()));
        DemoAccounts.Account manager = system.demoAccounts().get(3);
        JsonObject me = new ApiClient(base).signedIn(manager.username(), manager.password()).get("api/auth/me");
        assertTrue(me.getBoolean("allDepots"));
    }

    @Test
    void aSoapRequestThatDoesNotFollowTheContractGetsAClientFaultInTheContractsWords() throws Exception {
        String namespace = "https://lastmile.dev/partners/handoff/v1";
        for (String body : List.of("not XML at all", "<a/>",
                envelope("<h:Unexpected xmlns:h=\"" + namespace + "\"><h:what>ever</h:what></h:Unexpected>"),
                envelope("<h:AcceptHandoffRequest xmlns:h=\"" + namespace + "\"><h:trackingId>1</h:partnerCode>"
                        + "</h:AcceptHandoffRequest>"))) {
            HttpResponse<String> fault = HTTP.send(HttpRequest.newBuilder(base.resolve("soap/partners/handoff"))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"https://lastmile.dev/partners/handoff/v1/AcceptHandoff\"")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, fault.statusCode(), body);
            assertTrue(fault.body().contains(":Client</faultcode>"), fault.body());
            assertTrue(fault.body().contains("<faultstring>The request does not follow the partner handoff contract"
                    + " (partner-handoff.wsdl).</faultstring>"), fault.body());
            for (String internal : List.of("Exception", "jakarta.", "java.", "com.sun", "com.ctc", "[row,col")) {
                assertFalse(fault.body().contains(internal), internal + " in " + fault.body());
            }
        }
    }

    /** On Payara Micro, Metro calls the endpoint outside any EJB: the handoff must still be one transaction. */
    @Test
    void aPartnerAcceptsAnOfferedParcelOverSoapWithItsCredentials() throws Exception {
        ApiClient admin = system.administrator();
        String key = admin.post("api/shippers", Json.createObjectBuilder().add("code", "SOAPSMOKE").add("name", "Soap Ltd")
                .build()).getString("apiKey");
        String trackingId = admin.asShipper(key).post("api/parcels", Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", "Ada Lovelace"))
                .add("address", Json.createObjectBuilder().add("line", "12 Baker Street").add("town", "London")
                        .add("postcode", "NW1 6XE").add("country", "GB").add("latitude", 51.5226).add("longitude", -0.1571))
                .add("weightKg", 1.0).add("deliveryDate", LocalDate.now().plusDays(3).toString()).build()).getString("trackingId");
        String secret = admin.post("api/partners", Json.createObjectBuilder().add("code", "SMOKEP").add("name", "Smoke 3PL")
                .build()).getString("clientSecret");
        admin.put("api/partners/SMOKEP/terms", Json.createObjectBuilder().add("countries", Json.createArrayBuilder().add("GB"))
                .add("postcodePrefixes", Json.createArrayBuilder().add("NW")).add("services", Json.createArrayBuilder()
                        .add("NEXT_DAY").add("SAME_DAY").add("WEEKEND")).add("dailyCapacity", 100).add("slaDays", 1)
                .add("pricePerParcel", 2.5).build());
        admin.post("api/partners/SMOKEP/offers", Json.createObjectBuilder().add("trackingId", trackingId).build());
        String request = envelope("<h:AcceptHandoffRequest xmlns:h=\"https://lastmile.dev/partners/handoff/v1\">"
                + "<h:trackingId>" + trackingId + "</h:trackingId><h:partnerReference>SM-1</h:partnerReference>"
                + "</h:AcceptHandoffRequest>");
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(base.resolve("soap/partners/handoff"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"https://lastmile.dev/partners/handoff/v1/AcceptHandoff\"")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("SMOKEP:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("SMOKEP"), accepted.body());
        assertEquals("HANDED_TO_PARTNER", admin.asShipper(key).get("api/parcels/" + trackingId).getString("status"));
    }

    /**
     * Contract v2 on Payara Micro through the client generated from partner-network-v2.wsdl: the manifest, an
     * acceptance and a status event, checked by the change they made; and a DOCTYPE refused in the contract's words.
     */
    @Test
    void aPartnerWorksItsManifestOverSoapV2WithTheGeneratedClient() throws Exception {
        ApiClient admin = system.administrator();
        String key = admin.post("api/shippers", Json.createObjectBuilder().add("code", "SOAPV2").add("name", "Soap Two Ltd")
                .build()).getString("apiKey");
        LocalDate day = LocalDate.now().plusDays(3);
        String trackingId = admin.asShipper(key).post("api/parcels", Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", "Grace Hopper"))
                .add("address", Json.createObjectBuilder().add("line", "3 Baker Street").add("town", "London")
                        .add("postcode", "NW1 6XE").add("country", "GB").add("latitude", 51.5226).add("longitude", -0.1571))
                .add("weightKg", 1.0).add("deliveryDate", day.toString()).build()).getString("trackingId");
        String secret = admin.post("api/partners", Json.createObjectBuilder().add("code", "SMOKEV2").add("name", "Smoke Two")
                .build()).getString("clientSecret");
        admin.put("api/partners/SMOKEV2/terms", Json.createObjectBuilder().add("countries", Json.createArrayBuilder().add("GB"))
                .add("postcodePrefixes", Json.createArrayBuilder().add("NW")).add("services", Json.createArrayBuilder()
                        .add("NEXT_DAY").add("SAME_DAY").add("WEEKEND")).add("dailyCapacity", 100).add("slaDays", 1)
                .add("pricePerParcel", 2.5).build());
        admin.post("api/partners/SMOKEV2/offers", Json.createObjectBuilder().add("trackingId", trackingId).build());

        PartnerNetwork port = new PartnerNetworkService(base.resolve("soap/partners/v2?wsdl").toURL()).getPartnerNetworkPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, base.resolve("soap/partners/v2").toString());
        context.put(BindingProvider.USERNAME_PROPERTY, "SMOKEV2");
        context.put(BindingProvider.PASSWORD_PROPERTY, secret);
        GetManifestRequest manifest = new GetManifestRequest();
        manifest.setDay(DatatypeFactory.newInstance().newXMLGregorianCalendar(day.toString()));
        assertTrue(port.getManifest(manifest).getLine().stream().anyMatch(l -> l.getTrackingId().equals(trackingId)
                && l.getState().equals("OFFERED")));
        AcceptParcelRequest accept = new AcceptParcelRequest();
        accept.setTrackingId(trackingId);
        accept.setPartnerReference("SV2-1");
        assertEquals("SV2-1", port.acceptParcel(accept).getPartnerReference());
        StatusEvent out = new StatusEvent();
        out.setEventId("sv2-out");
        out.setTrackingId(trackingId);
        out.setStatus(PartnerStatus.OUT_FOR_DELIVERY);
        out.setOccurredAt(DatatypeFactory.newInstance().newXMLGregorianCalendar(Instant.now().toString()));
        ReportStatusRequest report = new ReportStatusRequest();
        report.setEvent(out);
        assertEquals("APPLIED", port.reportStatus(report).getResult().getResult());
        assertEquals("DUPLICATE", port.reportStatus(report).getResult().getResult());
        JsonObject parcel = admin.asShipper(key).get("api/parcels/" + trackingId);
        assertEquals("HANDED_TO_PARTNER", parcel.getString("status"));
        HttpResponse<String> timeline = get("api/tracking/" + trackingId + "?postcode=NW16XE");
        assertTrue(timeline.body().contains("Out for delivery with our delivery partner Smoke Two"), timeline.body());

        HttpResponse<String> doctype = HTTP.send(HttpRequest.newBuilder(base.resolve("soap/partners/v2"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"https://lastmile.dev/partners/v2/GetManifest\"")
                .POST(HttpRequest.BodyPublishers.ofString("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM"
                        + " \"file:///etc/passwd\">]>" + envelope("<n:GetManifestRequest xmlns:n=\"https://lastmile.dev/partners/v2\">"
                        + "<n:day>&x;</n:day></n:GetManifestRequest>"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, doctype.statusCode());
        assertTrue(doctype.body().contains("partner network contract (partner-network-v2.wsdl)"), doctype.body());
        assertFalse(doctype.body().contains("root:"), doctype.body());
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    @Test
    void thePartnerSoapContractIsPublished() throws Exception {
        HttpResponse<String> wsdl = get("soap/partners/handoff?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("AcceptHandoffRequest"), wsdl.body());
    }
}
