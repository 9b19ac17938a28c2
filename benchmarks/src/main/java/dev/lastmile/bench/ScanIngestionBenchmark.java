package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import dev.lastmile.model.parcel.TrackingId;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Sustained scan ingestion through the handheld API: N devices, each its own driver, route and
 * parcels, upload batches of events (load-out, arrival, delivery with signature) for a fixed time.
 * Every 10th batch is sent twice, as a handheld does when an acknowledgement is lost. After the run,
 * the database must hold every acknowledged event exactly once.
 */
public final class ScanIngestionBenchmark {

    private static final String DEPOT = "BENCH";
    private static final String PREFIX = "5060000";
    private static final long FIRST_SERIAL = 50_000_000L;

    /** A van of the benchmark makes several trips a day of {@code stopsPerRoute} stops, as urban vans do. */
    record Settings(int devices, int seconds, int batch, int parcelsPerDevice, int stopsPerRoute) {
    }

    record Device(String token, List<String> parcels, double latitude, double longitude) {
    }

    private record Outcome(long stored, long duplicatesAcknowledged, long rejected, long batches) {
    }

    private ScanIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(intArg(args, "--devices", 16), intArg(args, "--seconds", 60), intArg(args, "--batch", 100),
                intArg(args, "--parcels-per-device", 3600), intArg(args, "--stops-per-route", 150));
        Path data = Files.createTempDirectory("lastmile-bench");
        System.out.printf("scan ingestion: %d devices, batches of %d events, %d s; starting MariaDB and Payara Micro ...%n",
                settings.devices(), settings.batch(), settings.seconds());
        try (Lastmile system = Lastmile.start(new LaunchOptions(18180, 13336, data, true, false), Lastmile.runtimeDirectory())) {
            String jdbc = "jdbc:mysql://localhost:13336/lastmile?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&cachePrepStmts=true&useLocalSessionState=true&connectionTimeZone=UTC";
            List<Device> devices = prepare(system.administrator(), jdbc, settings);
            run(system.baseUri(), jdbc, devices, settings);
        }
    }

    /** Fleet through the API; the parcels and their routes straight into the database, which is set-up, not measured. */
    static List<Device> prepare(ApiClient api, String jdbc, Settings settings) throws Exception {
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Benchmark depot")
                .add("latitude", 51.5).add("longitude", -0.12).build());
        List<Device> devices = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            db.setAutoCommit(false);
            // The fleet is created through the API while this transaction is open: it must see those commits.
            db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long depotId = single(db, "SELECT id FROM depot WHERE code = '" + DEPOT + "'");
            long serial = FIRST_SERIAL;
            LocalDateTime departure = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(1);
            for (int d = 0; d < settings.devices(); d++) {
                String registration = "BENCH " + d;
                api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", registration)
                        .add("type", "VAN").add("capacityKg", 100_000).add("capacityParcels", 100_000).build());
                long driverId = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Driver " + d)
                        .build()).getJsonNumber("id").longValue();
                String token = api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                        .add("label", "bench " + d).build()).getString("token");
                long vehicleId = single(db, "SELECT id FROM vehicle WHERE registration = '" + registration + "'");
                double latitude = 51.45 + 0.01 * d;
                double longitude = -0.2 + 0.005 * d;
                List<String> parcels = new ArrayList<>();
                for (int trip = 0; trip * settings.stopsPerRoute() < settings.parcelsPerDevice(); trip++) {
                    int stops = Math.min(settings.stopsPerRoute(), settings.parcelsPerDevice() - trip * settings.stopsPerRoute());
                    long routeId = insertRoute(db, depotId, vehicleId, driverId, departure);
                    parcels.addAll(insertParcels(db, depotId, routeId, serial, stops, latitude, longitude, departure.plusHours(1)));
                    serial += stops;
                }
                db.commit();
                devices.add(new Device(token, parcels, latitude, longitude));
            }
        }
        System.out.printf("prepared %d drivers with %d parcels each, on trips of %d stops%n", devices.size(),
                settings.parcelsPerDevice(), settings.stopsPerRoute());
        return devices;
    }

    static long insertRoute(Connection db, long depotId, long vehicleId, long driverId, LocalDateTime departure) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO route (depot_id, vehicle_id, driver_id, route_day,"
                + " departure, distance_km) VALUES (?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, depotId);
            insert.setLong(2, vehicleId);
            insert.setLong(3, driverId);
            insert.setObject(4, departure.toLocalDate());
            insert.setObject(5, departure);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static List<String> insertParcels(Connection db, long depotId, long routeId, long firstSerial, int count,
                                              double latitude, double longitude, LocalDateTime eta) throws Exception {
        List<String> trackingIds = new ArrayList<>();
        LocalDate today = eta.toLocalDate();
        try (PreparedStatement parcel = db.prepareStatement("INSERT INTO parcel (id, tracking_id, recipient_name, address_line,"
                + " town, postcode, country, latitude, longitude, weight_kg, delivery_date, depot_id, status, registered_at, version)"
                + " VALUES (?, ?, 'Bench Recipient', '1 Bench Street', 'London', 'E1 6AN', 'GB', ?, ?, 1.0, ?, ?, 'PLANNED', ?, 1)");
             PreparedStatement stop = db.prepareStatement("INSERT INTO route_stop (route_id, seq_no, parcel_id, eta) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = firstSerial + i;
                String trackingId = TrackingId.sscc(0, PREFIX, id).value();
                trackingIds.add(trackingId);
                parcel.setLong(1, id);
                parcel.setString(2, trackingId);
                parcel.setDouble(3, latitude);
                parcel.setDouble(4, longitude);
                parcel.setObject(5, today);
                parcel.setLong(6, depotId);
                parcel.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                parcel.addBatch();
                stop.setLong(1, routeId);
                stop.setInt(2, i + 1);
                stop.setLong(3, id);
                stop.setObject(4, eta);
                stop.addBatch();
            }
            parcel.executeBatch();
            stop.executeBatch();
        }
        return trackingIds;
    }

    private static void run(URI base, String jdbc, List<Device> devices, Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String signature = signature();
        Latencies latencies = new Latencies();
        AtomicLong resent = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.seconds()).toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (Device device : devices) {
            outcomes.add(pool.submit(() -> upload(http, base, device, settings.batch(), signature, deadline, latencies, resent)));
        }
        long stored = 0;
        long duplicates = 0;
        long rejected = 0;
        long batches = 0;
        for (Future<Outcome> outcome : outcomes) {
            Outcome o = outcome.get();
            stored += o.stored();
            duplicates += o.duplicatesAcknowledged();
            rejected += o.rejected();
            batches += o.batches();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long inDatabase;
        long distinct;
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            inDatabase = single(db, "SELECT COUNT(*) FROM scan_event");
            distinct = single(db, "SELECT COUNT(*) FROM (SELECT DISTINCT device_id, device_event_id FROM scan_event) e");
        }
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---:|");
        System.out.printf("| devices x batch size | %d x %d |%n", devices.size(), settings.batch());
        System.out.printf("| duration | %.1f s |%n", seconds);
        System.out.printf("| batches sent (incl. %d re-sent) | %d |%n", resent.get(), batches);
        System.out.printf("| events acknowledged as stored | %d |%n", stored);
        System.out.printf("| **events/s** | **%.0f** |%n", stored / seconds);
        System.out.printf("| batch latency p50 / p99 | %.1f ms / %.1f ms |%n", latencies.percentileMillis(50), latencies.percentileMillis(99));
        System.out.printf("| re-sent events acknowledged as duplicates | %d |%n", duplicates);
        System.out.printf("| events rejected | %d |%n", rejected);
        System.out.printf("| scan_event rows after the run | %d (distinct: %d) |%n", inDatabase, distinct);
        System.out.printf("| lost (acknowledged, not stored) | %d |%n", Math.max(0, stored - inDatabase));
        System.out.printf("| stored twice | %d |%n", inDatabase - distinct + Math.max(0, inDatabase - stored));
        if (inDatabase != stored || distinct != inDatabase || rejected != 0) {
            System.out.println("FAILED: the database does not hold every acknowledged event exactly once");
            System.exit(1);
        }
    }

    private static Outcome upload(HttpClient http, URI base, Device device, int batchSize, String signature, long deadline,
                                  Latencies latencies, AtomicLong resent) throws Exception {
        long stored = 0;
        long duplicates = 0;
        long rejected = 0;
        long batches = 0;
        int next = 0;
        List<JsonObject> pending = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            while (pending.size() < batchSize && next < device.parcels().size() * 3) {
                pending.add(event(device, next++, signature));
            }
            if (pending.isEmpty()) {
                break;
            }
            String body = batchOf(pending);
            JsonObject answer = post(http, base, device.token(), body, latencies);
            batches++;
            stored += answer.getInt("stored");
            rejected += answer.getInt("rejected");
            if (batches % 10 == 0) {
                JsonObject again = post(http, base, device.token(), body, latencies);
                batches++;
                resent.incrementAndGet();
                duplicates += again.getInt("duplicates");
                stored += again.getInt("stored");
                rejected += again.getInt("rejected");
            }
            pending.clear();
        }
        return new Outcome(stored, duplicates, rejected, batches);
    }

    /** Parcel {@code n / 3}: loaded out, then arrived at, then delivered to the recipient. */
    static JsonObject event(Device device, int n, String signature) {
        String trackingId = device.parcels().get(n / 3);
        var event = Json.createObjectBuilder().add("eventId", UUID.randomUUID().toString())
                .add("trackingId", trackingId).add("occurredAt", Instant.now().toString());
        switch (n % 3) {
            case 0 -> event.add("type", "LOAD_OUT");
            case 1 -> event.add("type", "ARRIVED");
            default -> event.add("type", "DELIVERED")
                    .add("location", Json.createObjectBuilder().add("latitude", device.latitude()).add("longitude", device.longitude())
                            .add("accuracyM", 5))
                    .add("delivery", Json.createObjectBuilder().add("method", "RECIPIENT").add("receivedBy", "Bench Recipient")
                            .add("signaturePng", signature));
        }
        return event.build();
    }

    static String batchOf(List<JsonObject> events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(array::add);
        return Json.createObjectBuilder().add("events", array).build().toString();
    }

    private static JsonObject post(HttpClient http, URI base, String token, String body, Latencies latencies) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/handheld/events"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - start);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static String signature() throws Exception {
        BufferedImage image = new BufferedImage(160, 60, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 10; x < 150; x++) {
            image.setRGB(x, 30 + (int) (15 * Math.sin(x / 8.0)), 0xffffff);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    static long single(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
