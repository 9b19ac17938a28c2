package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import dev.lastmile.model.parcel.TrackingId;
import jakarta.json.Json;
import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The console's parcel search on a big table: {@code --parcels} (a million by default) are written
 * straight into the database with random names, references and postcodes, then staff searches run
 * through the API with 8 clients for 10 s each: a tracking id, the start of a reference, of a postcode,
 * a surname, a first name and surname, each with a random value so no cache helps, after a warm-up of
 * all of them. The baseline, in the same run before and after the searches, is GET /api/depots with the
 * same token (one small JPA query); the ratio is against the better of the two. Sample searches are
 * checked to answer 200 with results, every measured answer to be a 200.
 */
public final class ParcelSearchBenchmark {

    private static final String[] FIRST = {"Ada", "Ben", "Carys", "Dev", "Ewa", "Finn", "Grace", "Hamid", "Ines", "Jack",
        "Kofi", "Lena", "Mei", "Noor", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Una", "Vik", "Wen", "Yara", "Zoe"};
    private static final String[] OUTWARD = {"NW10", "W3", "W4", "W5", "W6", "W12", "SW1A", "E15", "N1", "SE1", "BA1",
        "HU1", "SY23", "NR2", "M1", "LS1", "B1", "G1", "EH1", "CF10"};

    private ParcelSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int parcels = ScanIngestionBenchmark.intArg(args, "--parcels", 1_000_000);
        int clients = ScanIngestionBenchmark.intArg(args, "--clients", 8);
        int seconds = ScanIngestionBenchmark.intArg(args, "--seconds", 10);
        System.out.printf("parcel-search: %,d parcels, %d clients, %d s per search kind%n", parcels, clients, seconds);
        Path data = Files.createTempDirectory("lastmile-bench");
        try (Lastmile system = Lastmile.start(new LaunchOptions(18180, 13336, data, true, false), Lastmile.runtimeDirectory())) {
            ApiClient admin = system.administrator();
            admin.post("api/depots", Json.createObjectBuilder().add("code", "BENCH").add("name", "Benchmark depot")
                    .add("latitude", 51.5).add("longitude", -0.12).build());
            String jdbc = "jdbc:mysql://localhost:13336/lastmile?useSSL=false&allowPublicKeyRetrieval=true"
                    + "&rewriteBatchedStatements=true&connectionTimeZone=UTC";
            long start = System.nanoTime();
            List<String> surnames = surnames();
            fill(jdbc, parcels, surnames);
            System.out.printf("%,d parcels written in %.0f s%n", parcels, (System.nanoTime() - start) / 1e9);

            URI base = system.baseUri();
            String token = system.administratorToken();
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(7);
            long someId = 500_000_000L + random.nextInt(parcels);
            check(http, search(base, token, TrackingId.sscc(0, "5060000", someId).value()));
            check(http, search(base, token, surnames.get(3)));

            // The database is still settling after a million rows, and the server's code is cold: run every kind
            // of request for a while before anything is measured.
            String[] names = surnames.toArray(String[]::new);
            LoadGenerator.run("warm-up (not counted)", () -> {
                int kind = ThreadLocalRandom.current().nextInt(4);
                return kind == 0 ? get(base, "api/depots", token) : search(base, token, kind == 1
                        ? names[ThreadLocalRandom.current().nextInt(names.length)]
                        : kind == 2 ? OUTWARD[ThreadLocalRandom.current().nextInt(OUTWARD.length)]
                        : "BR-" + ThreadLocalRandom.current().nextInt(parcels));
            }, clients, 3 * seconds);
            List<LoadGenerator.Result> results = new ArrayList<>();
            results.add(LoadGenerator.run("baseline: GET /api/depots", () -> get(base, "api/depots", token), clients,
                    seconds));
            results.add(run("tracking id", base, token, () -> TrackingId.sscc(0, "5060000",
                    500_000_000L + ThreadLocalRandom.current().nextInt(parcels)).value(), clients, seconds));
            results.add(run("reference start", base, token, () -> "BR-" + ThreadLocalRandom.current().nextInt(parcels / 10),
                    clients, seconds));
            results.add(run("postcode start", base, token, () -> OUTWARD[ThreadLocalRandom.current().nextInt(OUTWARD.length)]
                    + " " + ThreadLocalRandom.current().nextInt(10), clients, seconds));
            results.add(run("surname", base, token, () -> surnames.get(ThreadLocalRandom.current().nextInt(surnames.size())),
                    clients, seconds));
            results.add(run("first name and surname", base, token, () -> FIRST[ThreadLocalRandom.current().nextInt(FIRST.length)]
                    + " " + surnames.get(ThreadLocalRandom.current().nextInt(surnames.size())), clients, seconds));

            // The baseline again: if the database was still busy with the load, both baselines say so.
            results.add(LoadGenerator.run("baseline again: GET /api/depots", () -> get(base, "api/depots", token), clients,
                    seconds));
            System.out.printf("%n%-36s %12s %9s %9s %7s%n", "request", "requests/s", "p50 ms", "p99 ms", "errors");
            for (LoadGenerator.Result r : results) {
                System.out.printf("%-36s %,12.0f %9.1f %9.1f %7d%n", r.label(), r.perSecond(), r.p50(), r.p99(), r.errors());
            }
            List<LoadGenerator.Result> searches = results.subList(1, results.size() - 1);
            double worstP99 = searches.stream().mapToDouble(LoadGenerator.Result::p99).max().orElse(0);
            double slowest = searches.stream().mapToDouble(LoadGenerator.Result::perSecond).min().orElse(0);
            long errors = results.stream().mapToLong(LoadGenerator.Result::errors).sum();
            if (java.util.Arrays.asList(args).contains("--hold")) {
                System.out.println("holding the server and database for a look (" + jdbc + "); press Enter to stop");
                System.in.read();
            }
            // The better of the two baselines: the ratio is never flattered by a slow moment of the machine.
            double baseline = Math.max(results.get(0).perSecond(), results.get(results.size() - 1).perSecond());
            System.out.printf("%nsummary: parcel-search parcels=%d slowest-rps=%.0f ratio-depots=%.2f worst-p99-ms=%.0f"
                    + " errors=%d%n", parcels, slowest, slowest / baseline, worstP99, errors);
        }
    }

    /** Surnames made of syllables: a few thousand distinct ones, so a surname matches a few hundred parcels. */
    private static List<String> surnames() {
        String[] parts = {"bar", "ton", "wick", "ley", "ham", "ford", "by", "mer", "shaw", "well", "den", "ridge",
            "cot", "hurst", "field", "more", "stone", "ing"};
        List<String> names = new ArrayList<>();
        for (String a : parts) {
            for (String b : parts) {
                for (String c : new String[] {"", "s", "er", "en", "ey"}) {
                    String name = a + b + c;
                    names.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
                }
            }
        }
        return names;
    }

    private static void fill(String jdbc, int parcels, List<String> surnames) throws Exception {
        Random random = new Random(42);
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            long depotId;
            try (var rows = db.createStatement().executeQuery("SELECT id FROM depot WHERE code = 'BENCH'")) {
                rows.next();
                depotId = rows.getLong(1);
            }
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO parcel (id, tracking_id, shipper_reference,"
                    + " recipient_name, address_line, town, postcode, country, latitude, longitude, weight_kg,"
                    + " delivery_date, depot_id, status, registered_at, version) VALUES (?, ?, ?, ?, ?, 'London', ?, 'GB',"
                    + " ?, ?, 1.5, ?, ?, 'REGISTERED', ?, 1)")) {
                Timestamp now = Timestamp.from(Instant.now());
                LocalDate tomorrow = LocalDate.now().plusDays(1);
                for (int i = 0; i < parcels; i++) {
                    long id = 500_000_000L + i;
                    insert.setLong(1, id);
                    insert.setString(2, TrackingId.sscc(0, "5060000", id).value());
                    insert.setString(3, "BR-" + i);
                    insert.setString(4, FIRST[random.nextInt(FIRST.length)] + " " + surnames.get(random.nextInt(surnames.size())));
                    insert.setString(5, (i % 200 + 1) + " Benchmark Road");
                    insert.setString(6, OUTWARD[random.nextInt(OUTWARD.length)] + " " + random.nextInt(10)
                            + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
                    insert.setDouble(7, 51.5 + (i % 100) * 0.001);
                    insert.setDouble(8, -0.12 - (i % 37) * 0.001);
                    insert.setObject(9, tomorrow);
                    insert.setLong(10, depotId);
                    insert.setTimestamp(11, now);
                    insert.addBatch();
                    if ((i + 1) % 5_000 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            // A table that grew a million rows at once still has the statistics of an empty one until InnoDB's
            // background recount catches up; a carrier's table grows day by day. Count now, as that would.
            db.setAutoCommit(true);
            db.createStatement().execute("ANALYZE TABLE parcel");
        }
    }

    private static LoadGenerator.Result run(String label, URI base, String token, Supplier<String> queries, int clients,
                                            int seconds) throws Exception {
        return LoadGenerator.run("search: " + label, () -> search(base, token, queries.get()), clients, seconds);
    }

    private static HttpRequest search(URI base, String token, String q) {
        return get(base, "api/desk/parcels?size=25&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20"),
                token);
    }

    private static HttpRequest get(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** A search that answers something: otherwise the figures would measure empty answers. */
    private static void check(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || answer.body().contains("\"total\":0")) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode() + " " + answer.body());
        }
    }
}
