package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import dev.lastmile.model.parcel.TrackingId;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bulk intake and public tracking, in one run against the same database: 10,000 parcels through the
 * REST batch endpoint (parcels/s), the same rows by plain JDBC batches (rows/s) as the ceiling, their
 * ratio; then 32 clients following parcels with their postcode for 30 s (requests/s, p50, p99).
 */
public final class IntakeTrackingBenchmark {

    private static final String DEPOT = "BENCH";

    private IntakeTrackingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int parcels = ScanIngestionBenchmark.intArg(args, "--parcels", 10_000);
        int batch = ScanIngestionBenchmark.intArg(args, "--batch", 1_000);
        int clients = ScanIngestionBenchmark.intArg(args, "--clients", 32);
        int seconds = ScanIngestionBenchmark.intArg(args, "--seconds", 30);
        Path data = Files.createTempDirectory("lastmile-bench");
        System.out.printf("intake and tracking: %d parcels in batches of %d; tracking %d clients for %d s;"
                + " starting MariaDB and Payara Micro ...%n", parcels, batch, clients, seconds);
        try (Lastmile system = Lastmile.start(new LaunchOptions(18180, 13336, data, true, false), Lastmile.runtimeDirectory())) {
            String jdbc = "jdbc:mysql://localhost:13336/lastmile?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&cachePrepStmts=true&useLocalSessionState=true&connectionTimeZone=UTC";
            ApiClient api = system.administrator();
            api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Benchmark depot")
                    .add("latitude", 51.5).add("longitude", -0.12).build());
            String key = api.post("api/shippers", Json.createObjectBuilder().add("code", "BENCH").add("name", "Bench Ltd")
                    .build()).getString("apiKey");
            // Warm-up: compile the paths once, as a running system has.
            intake(system.baseUri(), key, 0, 500, 500);
            List<String> tracked = new ArrayList<>();
            double perSecond = intake(system.baseUri(), key, 1_000, parcels, batch, tracked);
            double jdbcPerSecond = plainJdbc(jdbc, parcels);
            System.out.printf("%nbulk intake (REST batch, %d per request, 2 concurrent requests): %,.0f parcels/s%n", batch, perSecond);
            System.out.printf("plain JDBC batches into the same table:                     %,.0f rows/s%n", jdbcPerSecond);
            System.out.printf("ratio: %.1f%% of plain JDBC%n", 100 * perSecond / jdbcPerSecond);
            tracking(system.baseUri(), tracked, clients, seconds);
        }
    }

    private static double intake(URI base, String key, int offset, int parcels, int batch) throws Exception {
        return intake(base, key, offset, parcels, batch, new ArrayList<>());
    }

    private static double intake(URI base, String key, int offset, int parcels, int batch, List<String> trackingIds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < parcels; from += batch) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (int i = from; i < Math.min(parcels, from + batch); i++) {
                rows.add(parcel(offset + i));
            }
            bodies.add(rows.build().toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<String>> replies = new ArrayList<>();
        for (String body : bodies) {
            replies.add(pool.submit(() -> http.send(HttpRequest.newBuilder(base.resolve("api/parcels/batch"))
                    .header("Content-Type", "application/json").header("X-Api-Key", key).timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body()));
        }
        int created = 0;
        for (Future<String> reply : replies) {
            JsonObject report = Json.createReader(new StringReader(reply.get())).readObject();
            created += report.getInt("created");
            for (JsonObject row : report.getJsonArray("rows").getValuesAs(JsonObject.class)) {
                if (!row.isNull("trackingId")) {
                    trackingIds.add(row.getString("trackingId"));
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (created != parcels) {
            throw new IllegalStateException("only " + created + " of " + parcels + " created");
        }
        return parcels / elapsed;
    }

    private static JsonObject parcel(int i) {
        return Json.createObjectBuilder().add("shipperReference", "B-" + i)
                .add("recipient", Json.createObjectBuilder().add("name", "Recipient " + i).add("email", "r" + i + "@example.org"))
                .add("address", Json.createObjectBuilder().add("line", (i % 200 + 1) + " Benchmark Road").add("town", "London")
                        .add("postcode", "SW1A 1AA").add("country", "GB").add("latitude", 51.5 + (i % 100) * 0.001)
                        .add("longitude", -0.12 - (i % 37) * 0.001))
                .add("weightKg", 1.5).add("deliveryDate", LocalDate.now().plusDays(1).toString()).build();
    }

    /** The same parcel rows, written as fast as JDBC batches can: the ceiling intake is measured against. */
    private static double plainJdbc(String jdbc, int parcels) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            long depotId;
            try (var rows = db.createStatement().executeQuery("SELECT id FROM depot WHERE code = '" + DEPOT + "'")) {
                rows.next();
                depotId = rows.getLong(1);
            }
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO parcel (id, tracking_id, shipper_reference,"
                    + " recipient_name, recipient_email, address_line, town, postcode, country, latitude, longitude, weight_kg,"
                    + " delivery_date, depot_id, status, registered_at, version) VALUES (?, ?, ?, ?, ?, ?, 'London',"
                    + " 'SW1A 1AA', 'GB', ?, ?, 1.5, ?, ?, 'REGISTERED', ?, 1)")) {
                for (int i = 0; i < parcels; i++) {
                    long id = 90_000_000L + i;
                    insert.setLong(1, id);
                    insert.setString(2, TrackingId.sscc(0, "5060000", id).value());
                    insert.setString(3, "J-" + i);
                    insert.setString(4, "Recipient " + i);
                    insert.setString(5, "r" + i + "@example.org");
                    insert.setString(6, (i % 200 + 1) + " Benchmark Road");
                    insert.setDouble(7, 51.5 + (i % 100) * 0.001);
                    insert.setDouble(8, -0.12 - (i % 37) * 0.001);
                    insert.setObject(9, LocalDate.now().plusDays(1));
                    insert.setLong(10, depotId);
                    insert.setTimestamp(11, Timestamp.from(Instant.now()));
                    insert.addBatch();
                    if ((i + 1) % 1_000 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            return parcels / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void tracking(URI base, List<String> trackingIds, int clients, int seconds) throws Exception {
        List<String> ids = Collections.unmodifiableList(trackingIds);
        LoadGenerator.Result result = LoadGenerator.run("public tracking", () -> HttpRequest.newBuilder(base.resolve(
                "api/tracking/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "?postcode=SW1A1AA")).GET().build(),
                clients, seconds);
        System.out.printf("%npublic tracking with postcode, %d clients, %d s (after 5 s warm-up): %,.0f requests/s,"
                + " p50 %.1f ms, p99 %.1f ms, %d errors%n", clients, seconds, result.perSecond(), result.p50(), result.p99(),
                result.errors());
    }
}
