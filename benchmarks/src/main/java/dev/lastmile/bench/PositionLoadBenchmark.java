package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Van positions under load beside public tracking: N vans (each its driver, handheld and route of the day, out for
 * delivery) send a GPS fix every 10 seconds, spread evenly, while 32 clients track random parcels of those routes
 * with the postcode. Tracking alone is measured first, in the same run, as the baseline. Every fix must be stored
 * (none lost, none refused), and each van's latest position must be its last fix sent.
 */
public final class PositionLoadBenchmark {

    private static final String DEPOT = "POS";

    record Van(String token, long routeId, double latitude, double longitude) {
    }

    private PositionLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int vans = ScanIngestionBenchmark.intArg(args, "--vans", 2000);
        int seconds = ScanIngestionBenchmark.intArg(args, "--seconds", 300);
        int clients = ScanIngestionBenchmark.intArg(args, "--clients", 32);
        int every = ScanIngestionBenchmark.intArg(args, "--every", 10);
        System.out.printf("positions: %d vans, a fix each every %d s (%d fixes/s) for %d s, beside tracking at %d clients;"
                + " starting MariaDB and Payara Micro ...%n", vans, every, vans / every, seconds, clients);
        try (Lastmile system = Lastmile.start(new LaunchOptions(18186, 13342, Files.createTempDirectory("lastmile-pos"), true, false),
                Lastmile.runtimeDirectory())) {
            String jdbc = "jdbc:mysql://localhost:13342/lastmile?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&connectionTimeZone=UTC";
            List<String> parcels = Collections.synchronizedList(new ArrayList<>());
            List<Van> fleet = prepare(system.administrator(), system.baseUri(), jdbc, vans, parcels);
            URI base = system.baseUri();
            LoadGenerator.Result alone = tracking(base, parcels, clients, Math.min(seconds, 60), "tracking alone");
            PositionSender sender = new PositionSender(base, fleet, every);
            Thread feeding = new Thread(() -> sender.run(seconds + 5));
            feeding.start();
            LoadGenerator.Result beside = tracking(base, parcels, clients, seconds, "tracking beside positions");
            feeding.join();
            long latestMatches;
            try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
                latestMatches = sender.latestMatches(db);
            }
            double ratio = beside.perSecond() / alone.perSecond();
            System.out.println();
            System.out.println("| figure | value |");
            System.out.println("|---|--:|");
            System.out.printf(Locale.ROOT, "| fixes sent | %,d (%.0f/s) |%n", sender.sent.get(), sender.sent.get() / (double) (seconds + 5));
            System.out.printf(Locale.ROOT, "| fixes stored | %,d |%n", sender.stored.get());
            System.out.printf(Locale.ROOT, "| fixes lost (no answer, not 200, or not stored) | %,d |%n", sender.sent.get() - sender.stored.get());
            System.out.printf(Locale.ROOT, "| positions p50 / p99 | %.1f ms / %.1f ms |%n", sender.latencies.percentileMillis(50),
                    sender.latencies.percentileMillis(99));
            System.out.printf(Locale.ROOT, "| vans whose latest position is their last fix | %,d of %,d |%n", latestMatches, fleet.size());
            System.out.printf(Locale.ROOT, "| tracking alone (baseline) | %,.0f requests/s, p99 %.1f ms |%n", alone.perSecond(), alone.p99());
            System.out.printf(Locale.ROOT, "| tracking beside positions | %,.0f requests/s, p99 %.1f ms (%.0f%% of alone) |%n",
                    beside.perSecond(), beside.p99(), 100 * ratio);
            System.out.printf(Locale.ROOT, "summary: position-load fixes-per-s=%.0f p99-ms=%.1f lost=%d tracking-ratio=%.2f tracking-rps=%.0f%n",
                    sender.sent.get() / (double) (seconds + 5), sender.latencies.percentileMillis(99),
                    sender.sent.get() - sender.stored.get(), ratio, beside.perSecond());
        }
    }

    private static LoadGenerator.Result tracking(URI base, List<String> parcels, int clients, int seconds, String label) throws Exception {
        List<String> ids = List.copyOf(parcels);
        return LoadGenerator.run(label, () -> HttpRequest.newBuilder(base.resolve("api/tracking/"
                + ids.get(ThreadLocalRandom.current().nextInt(ids.size())) + "?postcode=E1%206AN")).GET().build(), clients, seconds);
    }

    /** Drivers, vehicles and handhelds through the API (8 at a time); each route's five parcels into the database. */
    static List<Van> prepare(ApiClient api, URI base, String jdbc, int vans, List<String> parcels) throws Exception {
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "Positions benchmark depot")
                .add("latitude", 51.5).add("longitude", -0.12).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Van>> created = new ArrayList<>();
        LocalDateTime departure = LocalDateTime.now(ZoneId.of("Europe/London")).minusMinutes(30);
        HttpClient http = HttpClient.newHttpClient();
        long depotId;
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            depotId = ScanIngestionBenchmark.single(db, "SELECT id FROM depot WHERE code = '" + DEPOT + "'");
        }
        for (int v = 0; v < vans; v++) {
            int n = v;
            created.add(pool.submit(() -> {
                String registration = "POS " + n;
                api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", registration)
                        .add("type", "VAN").add("capacityKg", 1000).add("capacityParcels", 100).build());
                long driverId = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Driver " + n)
                        .build()).getJsonNumber("id").longValue();
                String token = api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                        .add("label", "pos " + n).build()).getString("token");
                double latitude = 51.40 + 0.2 * (n % 50) / 50.0;
                double longitude = -0.35 + 0.5 * (n / 50) / 40.0;
                long routeId;
                try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
                    db.setAutoCommit(false);
                    db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    long vehicleId = ScanIngestionBenchmark.single(db, "SELECT id FROM vehicle WHERE registration = '" + registration + "'");
                    routeId = ScanIngestionBenchmark.insertRoute(db, depotId, vehicleId, driverId, departure);
                    parcels.addAll(ScanIngestionBenchmark.insertParcels(db, depotId, routeId, 60_000_000L + 5L * n, 5,
                            latitude + 0.002, longitude, departure.plusMinutes(40 + n % 60)));
                    db.commit();
                }
                HttpResponse<String> left = http.send(HttpRequest.newBuilder(base.resolve("api/handheld/routes/" + routeId + "/departure"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                if (left.statusCode() != 200) {
                    throw new IllegalStateException("departure refused: " + left.body());
                }
                return new Van(token, routeId, latitude, longitude);
            }));
        }
        List<Van> fleet = new ArrayList<>();
        for (Future<Van> van : created) {
            fleet.add(van.get());
        }
        pool.shutdown();
        System.out.printf("prepared %d vans out for delivery with %d parcels%n", fleet.size(), parcels.size());
        return fleet;
    }

    /** Open loop: fixes go out at their schedule whatever the answers take, as 2,000 real vans would send them. */
    static final class PositionSender {

        final Latencies latencies = new Latencies();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
        private final ConcurrentHashMap<Long, Instant> lastSent = new ConcurrentHashMap<>();
        private final URI base;
        private final List<Van> fleet;
        private final int every;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(16, daemon -> {
                    // Daemon threads: the benchmark's JVM ends when its report is printed.
                    Thread thread = new Thread(daemon);
                    thread.setDaemon(true);
                    return thread;
                })).connectTimeout(Duration.ofSeconds(5)).build();

        PositionSender(URI base, List<Van> fleet, int every) {
            this.base = base;
            this.fleet = fleet;
            this.every = every;
        }

        void run(int seconds) {
            long interval = Duration.ofSeconds(every).toNanos() / fleet.size();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                if (due >= end) {
                    break;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                Van van = fleet.get((int) (i % fleet.size()));
                long round = i / fleet.size();
                Instant at = Instant.now();
                // 50 m further every fix: 18 km/h through town.
                JsonObject fix = Json.createObjectBuilder().add("at", at.toString())
                        .add("latitude", van.latitude() + 0.00045 * round).add("longitude", van.longitude())
                        .add("accuracyM", 8).add("speedKmh", 18).build();
                String body = Json.createObjectBuilder().add("fixes", Json.createArrayBuilder().add(fix)).build().toString();
                long sentAt = System.nanoTime();
                sent.incrementAndGet();
                lastSent.put(van.routeId(), at);
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("api/handheld/positions"))
                                .header("Authorization", "Bearer " + van.token()).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()).thenAccept(reply -> {
                            latencies.add(System.nanoTime() - sentAt);
                            if (reply.statusCode() == 200 && reply.body().contains("\"stored\":1")) {
                                stored.incrementAndGet();
                            }
                        }).exceptionally(e -> null));
            }
            inFlight.forEach(java.util.concurrent.CompletableFuture::join);
        }

        /** Vans whose stored latest position has the time of the last fix sent for them. */
        long latestMatches(Connection db) throws Exception {
            long matches = 0;
            try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("SELECT route_id, fixed_at FROM van_position")) {
                while (rows.next()) {
                    Instant last = lastSent.get(rows.getLong(1));
                    Instant stored = rows.getTimestamp(2).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
                    if (last != null && Math.abs(Duration.between(last, stored).toMillis()) < 1) {
                        matches++;
                    }
                }
            }
            return matches;
        }
    }
}
