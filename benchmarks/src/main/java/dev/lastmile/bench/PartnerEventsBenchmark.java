package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import dev.lastmile.model.parcel.TrackingId;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Partner status events through both doors of the partner API, on the run command's server. REST: each partner
 * sends batches of events (picked up, out for delivery, delivered with position) for the parcels it carries; every
 * 10th batch goes twice, as after a lost answer. SOAP: single ReportStatus calls, every 10th sent twice. Baselines
 * in the same run: an authenticated partner REST call that reads one row (GET /api/partner/offers) and a SOAP
 * GetManifest of an empty day. Afterwards the database must hold every acknowledged event exactly once.
 */
public final class PartnerEventsBenchmark {

    private static final String PREFIX = "5060000";
    private static final long FIRST_SERIAL = 70_000_000L;
    private static final String NS = "https://lastmile.dev/partners/v2";

    private record Settings(int partners, int clients, int seconds, int batch, int parcelsPerPartner) {
    }

    private record Partner(String code, String secret, String token, long id, List<String> restParcels,
                           List<String> soapParcels) {
    }

    private PartnerEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(ScanIngestionBenchmark.intArg(args, "--partners", 4),
                ScanIngestionBenchmark.intArg(args, "--clients", 8), ScanIngestionBenchmark.intArg(args, "--seconds", 20),
                ScanIngestionBenchmark.intArg(args, "--batch", 99), ScanIngestionBenchmark.intArg(args, "--parcels-per-partner", 20_000));
        Path data = Files.createTempDirectory("lastmile-bench");
        System.out.printf("partner events: %d partners, REST batches of %d, SOAP with %d clients, %d s each;"
                + " starting MariaDB and Payara Micro ...%n", settings.partners(), settings.batch(), settings.clients(), settings.seconds());
        try (Lastmile system = Lastmile.start(new LaunchOptions(18180, 13336, data, true, false), Lastmile.runtimeDirectory())) {
            String jdbc = "jdbc:mysql://localhost:13336/lastmile?useSSL=false&allowPublicKeyRetrieval=true"
                    + "&rewriteBatchedStatements=true&connectionTimeZone=UTC";
            List<Partner> partners = prepare(system.administrator(), jdbc, settings);
            run(system.baseUri(), jdbc, partners, settings);
        }
    }

    /** Partners through the API; the parcels they carry straight into the database (set-up, not measured). */
    private static List<Partner> prepare(ApiClient api, String jdbc, Settings settings) throws Exception {
        api.post("api/depots", Json.createObjectBuilder().add("code", "PBENCH").add("name", "Partner benchmark depot")
                .add("latitude", 51.5).add("longitude", -0.12).build());
        List<Partner> partners = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long depotId = ScanIngestionBenchmark.single(db, "SELECT id FROM depot WHERE code = 'PBENCH'");
            long serial = FIRST_SERIAL;
            for (int p = 0; p < settings.partners(); p++) {
                String code = "PB" + p;
                String secret = api.post("api/partners", Json.createObjectBuilder().add("code", code).add("name", "Bench " + p)
                        .build()).getString("clientSecret");
                db.commit();
                long partnerId = ScanIngestionBenchmark.single(db, "SELECT id FROM partner WHERE code = '" + code + "'");
                List<String> rest = insert(db, depotId, partnerId, code, serial, settings.parcelsPerPartner());
                serial += settings.parcelsPerPartner();
                List<String> soap = insert(db, depotId, partnerId, code, serial, settings.parcelsPerPartner());
                serial += settings.parcelsPerPartner();
                db.commit();
                partners.add(new Partner(code, secret, api.partnerToken(code, secret), partnerId, rest, soap));
            }
        }
        System.out.printf("prepared %d partners with %d parcels each for REST and for SOAP%n", partners.size(),
                settings.parcelsPerPartner());
        return partners;
    }

    private static List<String> insert(Connection db, long depotId, long partnerId, String code, long firstSerial, int count)
            throws Exception {
        List<String> trackingIds = new ArrayList<>();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Timestamp accepted = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusHours(2));
        try (PreparedStatement parcel = db.prepareStatement("INSERT INTO parcel (id, tracking_id, recipient_name, address_line,"
                + " town, postcode, country, latitude, longitude, weight_kg, delivery_date, depot_id, status, registered_at, version)"
                + " VALUES (?, ?, 'Bench Recipient', '1 Bench Street', 'Belfast', 'BT1 5GS', 'GB', 54.5964, -5.9301, 1.0, ?, ?,"
                + " 'HANDED_TO_PARTNER', ?, 1)");
             PreparedStatement handoff = db.prepareStatement("INSERT INTO handoff (parcel_id, partner_code, partner_reference,"
                     + " channel, accepted_at, partner_id, price_base, price_surcharge, offered_for)"
                     + " VALUES (?, ?, ?, 'REST', ?, ?, 3.10, 0, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = firstSerial + i;
                String trackingId = TrackingId.sscc(0, PREFIX, id).value();
                trackingIds.add(trackingId);
                parcel.setLong(1, id);
                parcel.setString(2, trackingId);
                parcel.setObject(3, day);
                parcel.setLong(4, depotId);
                parcel.setTimestamp(5, accepted);
                parcel.addBatch();
                handoff.setLong(1, id);
                handoff.setString(2, code);
                handoff.setString(3, code + "-" + i);
                handoff.setTimestamp(4, accepted);
                handoff.setLong(5, partnerId);
                handoff.setObject(6, day);
                handoff.addBatch();
            }
            parcel.executeBatch();
            handoff.executeBatch();
        }
        return trackingIds;
    }

    private static void run(URI base, String jdbc, List<Partner> partners, Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Partner first = partners.get(0);
        System.out.println("baselines:");
        LoadGenerator.Result restBaseline = LoadGenerator.run("GET /api/partner/offers (partner token)",
                () -> HttpRequest.newBuilder(base.resolve("api/partner/offers")).header("Authorization", "Bearer " + first.token())
                        .build(), settings.clients(), 10);
        String emptyDay = envelope("<n:GetManifestRequest xmlns:n=\"" + NS + "\"><n:day>2000-01-01</n:day></n:GetManifestRequest>");
        LoadGenerator.Result soapBaseline = LoadGenerator.run("SOAP GetManifest, empty day",
                () -> soapRequest(base, first, "GetManifest", emptyDay), settings.clients(), 10);

        System.out.println("REST batches ...");
        Counts rest = new Counts();
        Latencies restLatency = new Latencies();
        double restSeconds = timed(partners.size(), settings.seconds(), (worker, deadline) -> restWorker(http, base,
                partners.get(worker), settings.batch(), deadline, rest, restLatency));
        System.out.println("SOAP single events ...");
        Counts soap = new Counts();
        Latencies soapLatency = new Latencies();
        double soapSeconds = timed(settings.clients(), settings.seconds(), (worker, deadline) -> soapWorker(http, base,
                partners.get(worker % partners.size()), worker / partners.size(), (settings.clients() + partners.size() - 1)
                        / partners.size(), deadline, soap, soapLatency));

        long stored;
        long distinct;
        long delivered;
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            stored = ScanIngestionBenchmark.single(db, "SELECT COUNT(*) FROM partner_event");
            distinct = ScanIngestionBenchmark.single(db, "SELECT COUNT(*) FROM (SELECT DISTINCT partner_id, event_id FROM partner_event) e");
            delivered = ScanIngestionBenchmark.single(db, "SELECT COUNT(*) FROM handoff WHERE status = 'DELIVERED'");
        }
        long taken = rest.taken.get() + soap.taken.get();
        System.out.println();
        System.out.println("| figure | REST batches | SOAP single calls |");
        System.out.println("|---|---:|---:|");
        System.out.printf("| clients | %d partners | %d |%n", partners.size(), settings.clients());
        System.out.printf("| duration | %.1f s | %.1f s |%n", restSeconds, soapSeconds);
        System.out.printf("| requests (incl. re-sent) | %d | %d |%n", rest.requests.get(), soap.requests.get());
        System.out.printf("| events taken (APPLIED or HISTORY) | %d | %d |%n", rest.taken.get(), soap.taken.get());
        System.out.printf("| **events/s** | **%.0f** | **%.0f** |%n", rest.taken.get() / restSeconds, soap.taken.get() / soapSeconds);
        System.out.printf("| request latency p50 / p99 | %.1f / %.1f ms | %.1f / %.1f ms |%n", restLatency.percentileMillis(50),
                restLatency.percentileMillis(99), soapLatency.percentileMillis(50), soapLatency.percentileMillis(99));
        System.out.printf("| re-sent events answered DUPLICATE | %d | %d |%n", rest.duplicates.get(), soap.duplicates.get());
        System.out.printf("| events refused | %d | %d |%n", rest.refused.get(), soap.refused.get());
        System.out.printf("| baseline in the same run | %,.0f requests/s (GET /api/partner/offers) | %,.0f requests/s (GetManifest) |%n",
                restBaseline.perSecond(), soapBaseline.perSecond());
        System.out.printf("| requests/s against the baseline | %.1f%% | %.1f%% |%n",
                100 * rest.requests.get() / restSeconds / restBaseline.perSecond(),
                100 * soap.requests.get() / soapSeconds / soapBaseline.perSecond());
        System.out.printf("| partner_event rows after the run | %d (distinct: %d) | |%n", stored, distinct);
        System.out.printf("| handoffs delivered | %d | |%n", delivered);
        System.out.printf("| lost (taken, not stored) / stored twice | %d / %d | |%n", Math.max(0, taken - stored),
                stored - distinct + Math.max(0, stored - taken));
        System.out.printf("summary: partner-events rest-events-per-s=%.0f soap-events-per-s=%.0f lost=%d twice=%d refused=%d"
                        + " (REST %.0f%% and SOAP %.0f%% of their baselines' requests/s)%n", rest.taken.get() / restSeconds,
                soap.taken.get() / soapSeconds, Math.max(0, taken - stored), stored - distinct + Math.max(0, stored - taken),
                rest.refused.get() + soap.refused.get(), 100 * rest.requests.get() / restSeconds / restBaseline.perSecond(),
                100 * soap.requests.get() / soapSeconds / soapBaseline.perSecond());
        if (stored != taken || distinct != stored || rest.refused.get() + soap.refused.get() != 0) {
            System.out.println("FAILED: the database does not hold every acknowledged event exactly once");
            System.exit(1);
        }
    }

    private static final class Counts {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong taken = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        void count(String result) {
            switch (result) {
                case "APPLIED", "HISTORY" -> taken.incrementAndGet();
                case "DUPLICATE" -> duplicates.incrementAndGet();
                default -> refused.incrementAndGet();
            }
        }
    }

    private interface Worker {
        void work(int index, long deadline) throws Exception;
    }

    private static double timed(int workers, int seconds, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int index = w;
            futures.add(pool.submit(() -> {
                worker.work(index, deadline);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    /** Parcel {@code n / 3} of the partner: picked up, out for delivery, delivered. */
    private static void restWorker(HttpClient http, URI base, Partner partner, int batch, long deadline, Counts counts,
                                   Latencies latencies) throws Exception {
        int next = 0;
        long batches = 0;
        while (System.nanoTime() < deadline && next < partner.restParcels().size() * 3) {
            JsonArrayBuilder events = Json.createArrayBuilder();
            for (int i = 0; i < batch && next < partner.restParcels().size() * 3; i++, next++) {
                events.add(event(partner.code() + "-r" + next, partner.restParcels().get(next / 3), next % 3));
            }
            String body = Json.createObjectBuilder().add("events", events).build().toString();
            int times = ++batches % 10 == 0 ? 2 : 1;
            for (int t = 0; t < times; t++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("api/partner/events"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + partner.token())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - start);
                counts.requests.incrementAndGet();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("batch answered " + answer.statusCode() + ": " + answer.body());
                }
                try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
                    reader.readObject().getJsonArray("results").getValuesAs(JsonObject.class)
                            .forEach(r -> counts.count(r.getString("result")));
                }
            }
        }
    }

    private static JsonObject event(String eventId, String trackingId, int step) {
        // Occurrence times a second apart in the order of the steps, so each applies in turn.
        Instant at = Instant.now().minusSeconds(3 - step);
        var event = Json.createObjectBuilder().add("eventId", eventId).add("trackingId", trackingId)
                .add("occurredAt", at.toString());
        return switch (step) {
            case 0 -> event.add("status", "PICKED_UP").build();
            case 1 -> event.add("status", "OUT_FOR_DELIVERY").build();
            default -> event.add("status", "DELIVERED").add("receivedBy", "Bench Recipient").add("latitude", 54.5964)
                    .add("longitude", -5.9301).build();
        };
    }

    /** Client {@code slot} of {@code slots} for this partner takes every slots-th parcel: no two clients share one. */
    private static void soapWorker(HttpClient http, URI base, Partner partner, int slot, int slots, long deadline, Counts counts,
                                   Latencies latencies) throws Exception {
        int n = 0;
        for (int parcel = slot; parcel < partner.soapParcels().size() && System.nanoTime() < deadline; parcel += slots) {
            for (int step = 1; step <= 2 && System.nanoTime() < deadline; step++) {
                String id = partner.code() + "-s" + parcel + "-" + step;
                String status = step == 1 ? "OUT_FOR_DELIVERY" : "DELIVERED";
                String extra = step == 1 ? "" : "<n:receivedBy>Bench Recipient</n:receivedBy><n:latitude>54.5964</n:latitude>"
                        + "<n:longitude>-5.9301</n:longitude>";
                String body = envelope("<n:ReportStatusRequest xmlns:n=\"" + NS + "\"><n:event><n:eventId>" + id + "</n:eventId>"
                        + "<n:trackingId>" + partner.soapParcels().get(parcel) + "</n:trackingId><n:status>" + status
                        + "</n:status><n:occurredAt>" + Instant.now().minusSeconds(3 - step) + "</n:occurredAt>" + extra
                        + "</n:event></n:ReportStatusRequest>");
                int times = ++n % 10 == 0 ? 2 : 1;
                for (int t = 0; t < times; t++) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = http.send(soapRequest(base, partner, "ReportStatus", body),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - start);
                    counts.requests.incrementAndGet();
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("ReportStatus answered " + answer.statusCode() + ": " + answer.body());
                    }
                    String result = answer.body().replaceAll("(?s).*<(?:\\w+:)?result>(\\w+)</(?:\\w+:)?result>.*", "$1");
                    counts.count(result);
                }
            }
        }
    }

    private static HttpRequest soapRequest(URI base, Partner partner, String operation, String body) {
        return HttpRequest.newBuilder(base.resolve("soap/partners/v2")).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + NS + "/" + operation + "\"")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((partner.code() + ":" + partner.secret())
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }
}
