package dev.lastmile.it;

import static dev.lastmile.it.Parcels.aParcel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lastmile.it.PublishedOperations.Body;
import dev.lastmile.it.PublishedOperations.BodyKind;
import dev.lastmile.it.PublishedOperations.RestOperation;
import dev.lastmile.it.PublishedOperations.SoapOperation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Bad input, everywhere: every operation the application publishes gets hostile input (REST as /openapi and the
 * modules' resources describe it, SOAP as its WSDLs do), sent with the credentials of a caller that may call it, so that
 * the input reaches validation instead of stopping at 401/403. Every answer refuses it the way its interface promises
 * (a problem document, a SOAP fault), never as an internal error and never with a class name or a stack trace; and
 * the database is the same afterwards. All failures are collected, so one run shows every one of them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InputSweepIT {

    private static final String RUN = Staff.runTag();
    /** A well-formed SSCC (its check digit is right) that no parcel has. */
    private static final String UNKNOWN_TRACKING_ID = "050600009999999998";
    /**
     * A package of the platform, a class name ending in Exception, a stack frame. Not the word on its own: a delivery
     * exception is the carrier's vocabulary ("Exception not found").
     */
    private static final Pattern INTERNALS = Pattern.compile("\\b(java|jakarta|javax|org\\.eclipse|com\\.sun|fish\\.payara"
            + "|org\\.glassfish)\\.[a-z]+\\.|\\b[A-Z][A-Za-z0-9]{0,80}Exception\\b|\\tat ");
    private static final Pattern HTML = Pattern.compile("(?i)<html|<!doctype html");
    private static final Pattern SOAP_FAULT = Pattern.compile("<([\\w.-]+:)?Envelope[\\s>][\\s\\S]*<([\\w.-]+:)?Fault[\\s>/]");
    private static final String TEN_KB = "x".repeat(10 * 1024);
    private static final String HUNDRED_KB = "x".repeat(100 * 1024);
    private static final String NESTED_JSON = "[".repeat(10_000) + "]".repeat(10_000);
    /** Over every limit the application sets (8 MB for a CSV upload or a SOAP v2 request). */
    private static final int OVERSIZED = 20 * 1024 * 1024;
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final Set<Integer> NOT_YOURS = Set.of(403, 404);

    /** What a path or query parameter gets instead of a good value, as sent in the URL. */
    private static final List<Hostile> HOSTILE_VALUES = List.of(new Hostile("abc", "abc"), new Hostile("-1", "-1"),
            new Hostile("20 digits", "99999999999999999999"), new Hostile("10 KB", TEN_KB), new Hostile("NUL", "%00"));

    /**
     * GET /api/auth/oidc takes no input and sends the browser to the identity provider, which only SecurityIT runs: its
     * answer says whether that provider is up, not how bad input is met.
     */
    private static final Set<String> NOT_SWEPT = Set.of("GET /api/auth/oidc");

    private static Callers callers;
    private static String rivalParcel;
    private static String otherDepot;
    private static Set<String> sweepActors;
    private static Map<String, String> before;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive lastmile() {
        return Deployed.lastmileEar();
    }

    private URI root() {
        return URI.create(base.toExternalForm().replaceAll("/+$", "") + "/");
    }

    private record Hostile(String label, String encoded) {
    }

    private record Input(String kind, String contentType, byte[] bytes, boolean oversized) {

        static Input of(String kind, String contentType, String text) {
            return new Input(kind, contentType, text.getBytes(StandardCharsets.UTF_8), false);
        }

        /** The text with the two bytes that are no UTF-8 between its halves. */
        static Input notUtf8(String kind, String contentType, String before, String after) {
            return new Input(kind, contentType, joined(before, NOT_UTF8, after), false);
        }
    }

    private record Caller(String name, String role, String header, String value) {

        static final Caller NOBODY = new Caller("no credentials", null, null, null);

        HttpRequest.Builder on(HttpRequest.Builder request) {
            return header == null ? request : request.header(header, value);
        }
    }

    /**
     * The sweep's own callers, opened for it: whatever a swept operation might end (a token, a key), no other test
     * class holds it. The dispatcher sees one depot only, for asking after another.
     */
    private record Callers(Caller shipper, Caller driver, Caller partner, Caller admin, Caller dispatcher, String partnerBasic) {

        /** Those of the operation's roles, in this order; all of them when it names none of theirs or nothing says. */
        List<Caller> allowedFor(Set<String> roles) {
            List<Caller> all = List.of(shipper, driver, partner, admin);
            List<Caller> allowed = all.stream().filter(caller -> roles.contains(caller.role())).toList();
            return allowed.isEmpty() ? all : allowed;
        }
    }

    @Test
    @Order(0)
    void theSweepGetsCallersOfItsOwnAndTheDatabaseIsFingerprinted() throws Exception {
        Api admin = new Api(root());
        String depot = "SWA" + RUN.toUpperCase(Locale.ROOT);
        otherDepot = "SWB" + RUN.toUpperCase(Locale.ROOT);
        // Islands no other test class delivers to: these depots take none of their parcels.
        openDepot(admin, depot, "Stornoway", 58.2093, -6.3865);
        openDepot(admin, otherDepot, "Kirkwall", 58.9810, -2.9600);
        Api.Reply driver = admin.post("api/depots/" + depot + "/drivers", Json.createObjectBuilder().add("name", "Sweep Driver")
                .build());
        assertEquals(201, driver.status(), driver.body());
        String deviceToken = Handhelds.issue(admin, driver.json().getJsonNumber("id").longValue());

        String shipperCode = "SWS" + RUN.toUpperCase(Locale.ROOT);
        String shipperKey = openShipper(admin, shipperCode, "Sweep Books");
        String rivalKey = openShipper(admin, "SWR" + RUN.toUpperCase(Locale.ROOT), "Sweep Rival Books");
        Api.Reply parcel = admin.asShipper(rivalKey).post("api/parcels", aParcel()
                .to("Sweep Recipient", "1 Cromwell Street", "HS1 2DA", 58.2094, -6.3868).json());
        assertEquals(201, parcel.status(), parcel.body());
        rivalParcel = parcel.json().getString("trackingId");

        // Without terms a partner covers no postcode: no parcel of another test class is ever offered to it.
        String partnerCode = "SWP" + RUN.toUpperCase(Locale.ROOT);
        Api.Reply partner = admin.post("api/partners", Json.createObjectBuilder().add("code", partnerCode)
                .add("name", "Sweep 3PL").build());
        assertEquals(201, partner.status(), partner.body());
        String partnerSecret = partner.json().getString("clientSecret");

        String sweepAdmin = "sweep-admin-" + RUN;
        Api.Reply account = admin.post("api/accounts", Json.createObjectBuilder().add("username", sweepAdmin)
                .add("roles", Json.createArrayBuilder().add("ADMIN")).add("depots", Json.createArrayBuilder())
                .add("allDepots", true).build());
        assertEquals(201, account.status(), account.body());
        String dispatcher = "sweep-dispatcher-" + RUN;
        String dispatcherPassword = Staff.open(admin, dispatcher, "DISPATCHER", List.of(depot));

        callers = new Callers(new Caller("shipper", "SHIPPER", "X-Api-Key", shipperKey),
                new Caller("handheld", "DRIVER", "Authorization", "Bearer " + deviceToken),
                new Caller("partner", "PARTNER", "Authorization", "Bearer " + token("grant_type=client_credentials&client_id="
                        + partnerCode + "&client_secret=" + Api.encode(partnerSecret))),
                new Caller("administrator", "ADMIN", "Authorization", "Bearer " + token("grant_type=password&username="
                        + sweepAdmin + "&password=" + Api.encode(account.json().getString("password")))),
                new Caller("dispatcher of " + depot, "DISPATCHER", "Authorization", "Bearer " + token(
                        "grant_type=password&username=" + dispatcher + "&password=" + Api.encode(dispatcherPassword))),
                "Basic " + Base64.getEncoder().encodeToString((partnerCode + ":" + partnerSecret).getBytes(StandardCharsets.UTF_8)));
        sweepActors = Set.of(sweepAdmin, dispatcher, shipperCode, partnerCode);
        before = fingerprint();
    }

    private static void openDepot(Api admin, String code, String name, double latitude, double longitude) {
        Api.Reply opened = admin.post("api/depots", Json.createObjectBuilder().add("code", code).add("name", name)
                .add("latitude", latitude).add("longitude", longitude).build());
        assertEquals(201, opened.status(), opened.body());
    }

    private static String openShipper(Api admin, String code, String name) {
        Api.Reply opened = admin.post("api/shippers", Json.createObjectBuilder().add("code", code).add("name", name).build());
        assertEquals(201, opened.status(), opened.body());
        return opened.json().getString("apiKey");
    }

    private String token(String form) {
        Api.Reply issued = Api.anonymous(root()).postRaw("api/auth/token", "application/x-www-form-urlencoded", form);
        assertEquals(200, issued.status(), issued.body());
        return issued.json().getString("access_token");
    }

    @Test
    @Order(1)
    void everyRestOperationRefusesHostileInputWithAProblemDocumentAndNeverAnInternalError() throws Exception {
        assertNotNull(callers, "the first test opens the sweep's callers");
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(root().resolve("openapi")).timeout(ANSWER_WITHIN)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), document.body());
        List<RestOperation> operations = PublishedOperations.rest(Json.createReader(new StringReader(document.body())).readObject());
        // As many as MicroSmokeIT walks on Payara Micro, where the document describes them all.
        assertTrue(operations.size() > 60, "only " + operations.size() + " operations: " + operations);

        Tally tally = new Tally("REST");
        List<String> skipped = new ArrayList<>();
        for (RestOperation operation : operations) {
            if (operation.streams() || NOT_SWEPT.contains(operation.name())) {
                skipped.add(operation.name());
            } else {
                sweep(operation, tally, skipped);
            }
        }
        Map<String, Long> sources = operations.stream().collect(Collectors.groupingBy(RestOperation::source, TreeMap::new,
                Collectors.counting()));
        System.out.println(tally.summary(operations.size() + " operations " + sources + ", not swept: " + skipped));
        tally.assertNoFailures();
    }

    private void sweep(RestOperation operation, Tally tally, List<String> skipped) throws InterruptedException {
        String known = path(operation, Map.of());
        // Before any input is looked at, the container refuses a caller without credentials.
        exchange(tally, operation, "well-formed unknown ids", Caller.NOBODY, known, probe(operation),
                operation.restricted() ? Set.of(401, 403) : null);
        if (!operation.takesInput() && !operation.method().equals("GET")) {
            // No input reaches it; with valid credentials it would do its job: issue a key, rotate the handheld's own
            // token, end the caller's tokens.
            skipped.add(operation.name() + " with credentials");
            return;
        }
        Caller caller = callerFor(operation, tally, known);
        for (String parameter : operation.pathParameters()) {
            for (Hostile value : HOSTILE_VALUES) {
                exchange(tally, operation, "path " + parameter + "=" + value.label(), caller,
                        path(operation, Map.of(parameter, value.encoded())), probe(operation), null);
            }
        }
        for (String parameter : operation.queryParameters()) {
            for (Hostile value : HOSTILE_VALUES) {
                exchange(tally, operation, "query " + parameter + "=" + value.label(), caller,
                        known + "?" + parameter + "=" + value.encoded(), probe(operation), null);
            }
        }
        if (operation.body().present()) {
            for (Input input : hostileBodies(operation)) {
                exchange(tally, operation, input.kind(), caller, known, input, null);
            }
            exchange(tally, operation, "malformed body", Caller.NOBODY, known,
                    Input.of("malformed JSON", operation.body().mediaType(), "{\"sweep\": [1, 2,"), null);
        }
        askForWhatIsNotTheCallers(operation, caller, tally);
    }

    /**
     * The first caller the operation lets through with well-formed ids that name nothing; anybody for what anyone may call.
     */
    private Caller callerFor(RestOperation operation, Tally tally, String known) throws InterruptedException {
        if (operation.anyone()) {
            return Caller.NOBODY;
        }
        List<Caller> candidates = callers.allowedFor(operation.roles());
        for (Caller candidate : candidates) {
            Api.Reply reply = exchange(tally, operation, "well-formed unknown ids", candidate, known,
                    probe(operation), null);
            if (reply != null && reply.status() != 401 && reply.status() != 403) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    /** Another shipper's parcel, another depot's things: as unknown as what does not exist. */
    private void askForWhatIsNotTheCallers(RestOperation operation, Caller caller, Tally tally) throws InterruptedException {
        if (caller.equals(callers.shipper())) {
            Map<String, String> rivals = new HashMap<>();
            operation.pathParameters().stream().filter(InputSweepIT::namesATrackingId).forEach(p -> rivals.put(p, rivalParcel));
            if (!rivals.isEmpty() && !operation.body().present()) {
                exchange(tally, operation, "another shipper's parcel", caller, path(operation, rivals), null, NOT_YOURS);
            }
            if (operation.body().kind() == BodyKind.ARRAY && "string".equals(operation.body().itemType())) {
                exchange(tally, operation, "another shipper's parcel in the body", caller, path(operation, Map.of()),
                        Input.of("another shipper's parcel", operation.body().mediaType(), "[\"" + rivalParcel + "\"]"), NOT_YOURS);
            }
        }
        if (operation.method().equals("GET") && operation.path().contains("/depots/{code}")
                && (operation.roles().isEmpty() || operation.roles().contains("DISPATCHER"))) {
            // Missing query values may be refused before the depot is looked at.
            exchange(tally, operation, "another depot", callers.dispatcher(),
                    path(operation, Map.of("code", otherDepot)), null,
                    operation.queryParameters().isEmpty() ? NOT_YOURS : Set.of(400, 403, 404));
        }
    }

    private static boolean namesATrackingId(String parameter) {
        return parameter.toLowerCase(Locale.ROOT).contains("trackingid");
    }

    /** Path and query inputs go with a JSON null where a body is due: refused as a body, if the URL passes. */
    private static Input probe(RestOperation operation) {
        return operation.body().present() ? Input.of("JSON null", operation.body().mediaType(), "null") : null;
    }

    private static String path(RestOperation operation, Map<String, String> values) {
        String path = operation.path();
        for (String parameter : operation.pathParameters()) {
            path = path.replace("{" + parameter + "}", values.getOrDefault(parameter, wellFormedUnknown(parameter)));
        }
        return path.substring(1);
    }

    /** A value of the right form that names nothing, so that no swept operation finds anything to change. */
    private static String wellFormedUnknown(String parameter) {
        String name = parameter.toLowerCase(Locale.ROOT);
        if (namesATrackingId(name)) {
            return UNKNOWN_TRACKING_ID;
        }
        return switch (name) {
            case "date", "day" -> "2031-02-03";
            case "month" -> "2031-02";
            case "username" -> "nobody.sweep." + RUN;
            case "code" -> "ZZ" + RUN.toUpperCase(Locale.ROOT);
            case "n" -> "7";
            default -> "999999999";
        };
    }

    private static List<Input> hostileBodies(RestOperation operation) {
        Body body = operation.body();
        List<Input> inputs = switch (body.kind()) {
            case FORM -> hostileForms(body.mediaType());
            case STREAM -> hostileFiles(body.mediaType());
            default -> hostileJson(body);
        };
        inputs.add(Input.of("content type text/plain", "text/plain", "{}"));
        inputs.add(Input.of("content type application/xml", "application/xml", "<sweep/>"));
        if (takesBigBodies(operation)) {
            inputs.add(oversized(body));
        }
        return inputs;
    }

    private static List<Input> hostileJson(Body body) {
        String type = body.mediaType();
        boolean array = body.kind() == BodyKind.ARRAY;
        List<Input> inputs = new ArrayList<>(List.of(Input.of("malformed JSON", type, "{\"sweep\": [1, 2,"),
                Input.of("empty body", type, ""), Input.of("JSON null", type, "null"),
                array ? Input.of("an object instead of an array", type, "{\"sweep\": 1}")
                        : Input.of("an array instead of an object", type, "[{\"sweep\": 1}]"),
                Input.of("10,000-deep nesting", type, NESTED_JSON)));
        if (array && !"object".equals(body.itemType())) {
            inputs.add(Input.of("an empty array", type, "[]"));
            inputs.add(Input.of("items of wrong types", type, "[12345, {\"sweep\": 1}, [1]]"));
            inputs.add(Input.of("a 100 KB item", type, "[\"" + HUNDRED_KB + "\"]"));
            inputs.add(Input.of("huge numbers", type, "[1e400, 99999999999999999999999]"));
            inputs.add(Input.notUtf8("invalid UTF-8", type, "[\"", "\"]"));
            return inputs;
        }
        Map<String, String> properties = body.properties();
        inputs.add(Input.of("missing required fields", type, shaped(array, "{}")));
        inputs.add(Input.of("unknown fields", type, shaped(array, "{\"sweepUnknown\": \"x\", \"sweepNested\": {\"deeper\": [1, {}]}}")));
        properties.forEach((name, jsonType) -> inputs.add(Input.of("wrong type of " + name, type,
                shaped(array, object(List.of(name), wrongValueFor(jsonType))))));
        List<String> strings = namesOf(properties, Set.of("string"));
        List<String> numbers = namesOf(properties, Set.of("number", "integer"));
        if (!strings.isEmpty()) {
            inputs.add(Input.of("100 KB in every string field", type, shaped(array, object(strings, "\"" + HUNDRED_KB + "\""))));
        }
        if (!numbers.isEmpty()) {
            inputs.add(Input.of("1e400 in every number field", type, shaped(array, object(numbers, "1e400"))));
            inputs.add(Input.of("99999999999999999999999 in every number field", type,
                    shaped(array, object(numbers, "99999999999999999999999"))));
        }
        String field = strings.isEmpty() ? "sweep" : strings.get(0);
        inputs.add(Input.notUtf8("invalid UTF-8", type, (array ? "[" : "") + "{\"" + field + "\": \"", "\"}" + (array ? "]" : "")));
        return inputs;
    }

    /**
     * Never a grant_type the token endpoint knows: each such body would be a refused sign-in, which counts against
     * this machine's address, and enough of them block the sign-ins of the test classes after this one.
     */
    private static List<Input> hostileForms(String type) {
        return new ArrayList<>(List.of(Input.of("malformed percent-encoding", type, "grant_type=%ZZ&%%%=1"),
                Input.of("empty body", type, ""), Input.of("JSON instead of a form", type, "{\"grant_type\": 1}"),
                Input.of("a 10 KB value", type, "grant_type=" + TEN_KB), Input.of("NUL", type, "grant_type=%00"),
                Input.notUtf8("invalid UTF-8", type, "grant_type=", ""),
                Input.of("10,000 fields", type, "sweep=1&".repeat(10_000))));
    }

    /** None of them is a file with a usable header: a readable upload is stored with its report, even if every row is refused. */
    private static List<Input> hostileFiles(String type) {
        return new ArrayList<>(List.of(Input.of("malformed JSON", type, "{\"sweep\": [1, 2,"), Input.of("empty body", type, ""),
                Input.of("JSON null", type, "null"), Input.of("10,000-deep nesting", type, NESTED_JSON),
                Input.of("a 100 KB line", type, HUNDRED_KB), Input.notUtf8("invalid UTF-8", type, "shipper_reference\n", "\n")));
    }

    /** The doors where big bodies come in by design; each gets one body over every limit, not every operation. */
    private static boolean takesBigBodies(RestOperation operation) {
        return operation.path().startsWith("/api/parcels")
                || Set.of("/api/handheld/events", "/api/partner/events", "/api/auth/token").contains(operation.path());
    }

    private static Input oversized(Body body) {
        String[] around = switch (body.kind()) {
            case FORM -> new String[] {"sweep=", ""};
            case STREAM -> new String[] {"", ""};
            case ARRAY -> new String[] {"[\"", "\"]"};
            default -> new String[] {"{\"sweep\": \"", "\"}"};
        };
        byte[] filler = new byte[OVERSIZED];
        java.util.Arrays.fill(filler, (byte) 'x');
        return new Input("20 MB body", body.mediaType(), joined(around[0], filler, around[1]), true);
    }

    private static String wrongValueFor(String jsonType) {
        return switch (jsonType) {
            case "string" -> "12345";
            case "number", "integer", "boolean" -> "\"abc\"";
            case "array" -> "{\"sweep\": 1}";
            default -> "[1, 2]";
        };
    }

    private static List<String> namesOf(Map<String, String> properties, Set<String> types) {
        return properties.entrySet().stream().filter(p -> types.contains(p.getValue())).map(Map.Entry::getKey).toList();
    }

    private static String object(List<String> names, String rawValue) {
        return names.stream().map(name -> "\"" + name + "\": " + rawValue).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String shaped(boolean array, String object) {
        return array ? "[" + object + "]" : object;
    }

    private static byte[] joined(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** @return the answer, or null when none came */
    private Api.Reply exchange(Tally tally, RestOperation operation, String input, Caller caller, String target, Input body,
                               Set<Integer> expected) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + target)).timeout(ANSWER_WITHIN)
                .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        caller.on(request);
        String sent = input + ", as " + caller.name();
        try {
            Api.Reply reply = send(request);
            check(tally, operation.name(), sent, reply, expected);
            return reply;
        } catch (HttpTimeoutException e) {
            tally.failed(operation.name(), sent, null, "no answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (IOException e) {
            // The HTTP server may hang up on a body or a request line over its limits instead of answering.
            if ((body != null && body.oversized()) || target.length() > 8 * 1024) {
                tally.answered("connection closed by the HTTP server");
            } else {
                tally.failed(operation.name(), sent, null, "no answer: " + e);
            }
        }
        return null;
    }

    private static Api.Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8), response.body(), response.headers());
    }

    /**
     * No 5xx and nothing of our internals; a refusal is a problem document. A 2xx is the operation ignoring or refusing
     * input in its own answer (a search with an odd filter, a batch whose rows are each refused): the fingerprint says
     * whether it changed anything. A refusal that never reached the web module (none of its security headers: the HTTP
     * server's own, for a request line too long for it) has no problem document to give; it is counted and shown.
     */
    private static void check(Tally tally, String operation, String input, Api.Reply reply, Set<Integer> expected) {
        int status = reply.status();
        if (status >= 500) {
            tally.failed(operation, input, reply, "server error");
        } else if (status >= 300 && INTERNALS.matcher(reply.body()).find()) {
            tally.failed(operation, input, reply, "shows a class name or stack trace");
        } else if (expected != null && !expected.contains(status)) {
            tally.failed(operation, input, reply, "expected one of " + new TreeSet<>(expected));
        } else if (status < 400) {
            tally.answered(status < 300 ? "2xx" : "3xx");
        } else if (isProblem(reply)) {
            tally.answered("4xx problem document");
        } else if (reply.header("Content-Security-Policy").isEmpty()) {
            tally.refusedBeforeTheApplication(operation, input, reply);
        } else {
            tally.failed(operation, input, reply, "a 4xx without a problem document (" + reply.contentType() + ")");
        }
    }

    private static boolean isProblem(Api.Reply reply) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonObject problem = reply.json();
            return !problem.getString("title", "").isBlank() && problem.containsKey("status")
                    && problem.get("status").getValueType() == JsonValue.ValueType.NUMBER && problem.getInt("status") == reply.status();
        } catch (RuntimeException notAnObject) {
            return false;
        }
    }

    private record SoapInput(String kind, String action, String contentType, byte[] bytes, boolean credentials, boolean oversized) {

        static SoapInput of(String kind, String action, String contentType, String xml, boolean credentials) {
            return new SoapInput(kind, action, contentType, xml.getBytes(StandardCharsets.UTF_8), credentials, false);
        }
    }

    @Test
    @Order(2)
    void everySoapOperationRefusesHostileXmlWithAFaultThatShowsNoInternals() throws Exception {
        assertNotNull(callers, "the first test opens the sweep's callers");
        Tally tally = new Tally("SOAP");
        int operations = 0;
        // The servlet mappings of web.xml: contract v1 (the handoff) and v2 (the partner network).
        for (String endpoint : List.of("soap/partners/handoff", "soap/partners/v2")) {
            HttpResponse<String> wsdl = HTTP.send(HttpRequest.newBuilder(URI.create(root() + endpoint + "?wsdl"))
                    .timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, wsdl.statusCode(), endpoint + "?wsdl: " + wsdl.body());
            List<SoapOperation> contract = PublishedOperations.soap(wsdl.body(), "/" + endpoint);
            assertFalse(contract.isEmpty(), "no operation at /" + endpoint + " in its WSDL: " + wsdl.body());
            for (SoapOperation operation : contract) {
                operations++;
                for (SoapInput input : hostileXml(operation, operation == contract.get(0))) {
                    post(tally, endpoint, operation, input);
                }
            }
        }
        System.out.println(tally.summary(operations + " SOAP operations"));
        tally.assertNoFailures();
    }

    private static List<SoapInput> hostileXml(SoapOperation operation, boolean alsoOversized) {
        String xml = "text/xml; charset=utf-8";
        String action = operation.action();
        String ns = operation.namespace();
        String shaped = Soap.envelope(request(operation, ns, "abc"));
        List<SoapInput> inputs = new ArrayList<>(List.of(
                SoapInput.of("not XML at all", action, xml, "this is not XML", true),
                SoapInput.of("truncated XML", action, xml, shaped.substring(0, shaped.length() / 2), true),
                SoapInput.of("DTD with an external entity", action, xml, withDoctype(request(operation, ns, "&x;"),
                        "<!ENTITY x SYSTEM \"file:///etc/passwd\">"), true),
                SoapInput.of("entity expansion", action, xml, withDoctype(request(operation, ns, "&d;"),
                        "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"" + "&a;".repeat(10) + "\"><!ENTITY c \"" + "&b;".repeat(10)
                                + "\"><!ENTITY d \"" + "&c;".repeat(10) + "\">"), true),
                SoapInput.of("10,000-deep nesting", action, xml, Soap.envelope(request(operation, ns,
                        "<n:x>".repeat(10_000) + "</n:x>".repeat(10_000))), true),
                SoapInput.of("unknown operation", ns + "/NoSuchOperation", xml, Soap.envelope("<n:NoSuchOperationRequest xmlns:n=\""
                        + ns + "\"><n:value>abc</n:value></n:NoSuchOperationRequest>"), true),
                SoapInput.of("wrong namespace", action, xml, Soap.envelope(request(operation, "urn:lastmile:not-the-contract", "abc")), true),
                SoapInput.of("empty body", action, xml, "", true),
                SoapInput.of("content type application/json", action, "application/json", shaped, true),
                SoapInput.of("content type application/soap+xml", action, "application/soap+xml; charset=utf-8", shaped, true),
                SoapInput.of("no credentials", action, xml, shaped, false)));
        String[] around = Soap.envelope(request(operation, ns, "\u0000")).split("\u0000");
        inputs.add(new SoapInput("invalid UTF-8", action, xml, joined(around[0], NOT_UTF8, around[1]), true, false));
        if (alsoOversized) {
            byte[] filler = new byte[OVERSIZED];
            java.util.Arrays.fill(filler, (byte) 'x');
            inputs.add(new SoapInput("20 MB body", action, xml, joined(around[0], filler, around[1]), true, true));
        }
        return inputs;
    }

    /** The contract's request element with every field given: the first one this content, the others a plain word. */
    private static String request(SoapOperation operation, String namespace, String firstField) {
        List<String> fields = operation.fields().isEmpty() ? List.of("value") : operation.fields();
        StringBuilder xml = new StringBuilder("<n:" + operation.requestElement() + " xmlns:n=\"" + namespace + "\">");
        for (int i = 0; i < fields.size(); i++) {
            xml.append("<n:").append(fields.get(i)).append('>').append(i == 0 ? firstField : "abc").append("</n:")
                    .append(fields.get(i)).append('>');
        }
        return xml.append("</n:").append(operation.requestElement()).append('>').toString();
    }

    private static String withDoctype(String request, String entities) {
        return Soap.envelope(request).replaceFirst("\\?>", "?><!DOCTYPE soapenv:Envelope [" + entities + "]>");
    }

    private void post(Tally tally, String endpoint, SoapOperation operation, SoapInput input) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + endpoint)).timeout(ANSWER_WITHIN)
                .header("Content-Type", input.contentType()).header("SOAPAction", "\"" + input.action() + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(input.bytes()));
        if (input.credentials()) {
            request.header("Authorization", callers.partnerBasic());
        }
        String name = "POST /" + endpoint + " " + operation.operation();
        try {
            checkSoap(tally, name, input.kind(), send(request));
        } catch (HttpTimeoutException e) {
            tally.failed(name, input.kind(), null, "no answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (IOException e) {
            if (input.oversized()) {
                tally.answered("connection closed by the HTTP server");
            } else {
                tally.failed(name, input.kind(), null, "no answer: " + e);
            }
        }
    }

    /** SOAP 1.1 answers a fault with HTTP 500: that is fine when it is a fault and tells nothing of ours. */
    private static void checkSoap(Tally tally, String operation, String input, Api.Reply reply) {
        String body = reply.body();
        if (reply.contentType().contains("html") || HTML.matcher(body).find()) {
            tally.failed(operation, input, reply, "an HTML error page");
        } else if (INTERNALS.matcher(body).find()) {
            tally.failed(operation, input, reply, "shows a class name or stack trace");
        } else if (body.contains("root:")) {
            tally.failed(operation, input, reply, "expanded an external entity");
        } else if (reply.status() == 500 && SOAP_FAULT.matcher(body).find()) {
            tally.answered("500 SOAP fault");
        } else if (reply.status() >= 400 && reply.status() < 500) {
            tally.answered(String.valueOf(reply.status()));
        } else {
            tally.failed(operation, input, reply, reply.status() < 300 ? "accepted" : "neither a SOAP fault nor a 4xx");
        }
    }

    @Test
    @Order(3)
    void theSweepChangedNothingInTheDatabase() throws SQLException {
        assertNotNull(before, "the first test fingerprints the database");
        Map<String, String> after = fingerprint();
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> changed = tables.stream().filter(t -> !Objects.equals(before.get(t), after.get(t)))
                .map(t -> t + ": " + before.get(t) + " -> " + after.get(t)).toList();
        System.out.println("InputSweepIT database: " + tables.size() + " tables compared, partly or not: "
                + allowances().keySet());
        assertEquals(List.of(), changed, "tables that changed while hostile input was sent");
    }

    /** Rows and columns that may change while the sweep runs although the sweep changes nothing. */
    private record Allowance(Set<String> columns, String rows, boolean wholeTable) {
    }

    private static Map<String, Allowance> allowances() {
        String actors = sweepActors.stream().map(actor -> "'" + actor + "'").collect(Collectors.joining(", "));
        Map<String, Allowance> allowances = new LinkedHashMap<>();
        // The outbox dispatcher works every second through the messages earlier test classes left: how far each
        // delivery got changes on its own. Which messages there are, what they say and to whom is compared.
        allowances.put("notification", new Allowance(Set.of("status", "attempts", "next_attempt_at", "last_error", "sent_at",
                "claim_token"), null, false));
        // The hostile bodies of POST /api/auth/session are refused sign-ins: they count against this machine's address.
        allowances.put("sign_in_failure", new Allowance(Set.of(), "subject LIKE 'address:%'", false));
        // The audit trail records calls, also those that change nothing: the refused sign-ins, and the sweep's own
        // callers' answers such as a 200 for a batch whose every row was refused. Every other actor's lines are compared.
        allowances.put("audit_entry", new Allowance(Set.of(), "action LIKE 'sign-in.failed%' OR actor IN (" + actors + ")", false));
        // The head of the audit chain moves with each line appended, those lines too.
        allowances.put("audit_chain", new Allowance(Set.of(), null, true));
        return allowances;
    }

    /** Per table, CHECKSUM TABLE; where something may change, a checksum of the rest of its rows and columns. */
    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, Allowance> allowances = allowances();
        Map<String, String> prints = new TreeMap<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            for (String table : strings(statement, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                Allowance allowance = allowances.get(table.toLowerCase(Locale.ROOT));
                if (allowance == null) {
                    try (ResultSet checksum = statement.executeQuery("CHECKSUM TABLE `" + table + "`")) {
                        checksum.next();
                        prints.put(table, checksum.getString(2));
                    }
                } else if (!allowance.wholeTable()) {
                    prints.put(table, partly(statement, table, allowance));
                }
            }
        }
        return prints;
    }

    private static String partly(Statement statement, String table, Allowance allowance) throws SQLException {
        List<String> columns = strings(statement, "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                + " DATABASE() AND table_name = '" + table + "' ORDER BY ordinal_position").stream()
                .filter(column -> !allowance.columns().contains(column.toLowerCase(Locale.ROOT)))
                .map(column -> "IFNULL(`" + column + "`, '<null>')").toList();
        String query = "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', " + String.join(", ", columns) + "))), 0) FROM `"
                + table + "`" + (allowance.rows() == null ? "" : " WHERE NOT (" + allowance.rows() + ")");
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1) + " rows, " + result.getString(2);
        }
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** What a sweep sent and what came back. */
    private static final class Tally {

        private final String style;
        private final Map<String, Integer> answers = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private final List<String> beforeTheApplication = new ArrayList<>();
        private int sent;
        private int serverErrors;

        Tally(String style) {
            this.style = style;
        }

        void answered(String kind) {
            sent++;
            answers.merge(kind, 1, Integer::sum);
        }

        void refusedBeforeTheApplication(String operation, String input, Api.Reply reply) {
            answered("4xx from the HTTP server, before the application");
            beforeTheApplication.add(operation + " [" + input + "] " + reply.status());
        }

        void failed(String operation, String input, Api.Reply reply, String why) {
            sent++;
            if (reply != null && reply.status() >= 500) {
                serverErrors++;
            }
            failures.add(operation + " [" + input + "] " + why + (reply == null ? "" : ": " + reply.status() + " "
                    + clipped(reply.body())));
        }

        private static String clipped(String body) {
            String line = body.replaceAll("\\s+", " ");
            return line.length() <= 300 ? line : line.substring(0, 300) + "…";
        }

        String summary(String what) {
            return "InputSweepIT " + style + ": " + what + "; " + sent + " requests; answers " + answers + "; " + serverErrors
                    + " answered 5xx; " + failures.size() + " broke the rules"
                    + (beforeTheApplication.isEmpty() ? "" : "; refused by the HTTP server, for example: "
                    + beforeTheApplication.subList(0, Math.min(20, beforeTheApplication.size())));
        }

        void assertNoFailures() {
            if (!failures.isEmpty()) {
                fail(failures.size() + " of " + sent + " " + style + " answers broke the rules (" + serverErrors + " with 5xx):\n"
                        + String.join("\n", failures));
            }
        }
    }
}
