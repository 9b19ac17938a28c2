package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What asking every caller who it is costs: the same GET with and without a bearer token, in one run
 * against one server (32 clients, 15 s each after a 5 s warm-up). /api/health answers both, so their
 * difference is the authentication alone (signature check and the account's revocation epoch read);
 * /api/depots adds what every authenticated back-office read pays; public tracking must not slow down.
 * The anonymous baseline runs first and last, to show the drift of the machine during the run.
 */
public final class AccessBenchmark {

    private AccessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = ScanIngestionBenchmark.intArg(args, "--clients", 32);
        int seconds = ScanIngestionBenchmark.intArg(args, "--seconds", 15);
        Path data = Files.createTempDirectory("lastmile-bench");
        System.out.printf("access: %d clients, %d s per request kind; starting MariaDB and Payara Micro ...%n", clients, seconds);
        try (Lastmile system = Lastmile.start(new LaunchOptions(18180, 13336, data, true, false), Lastmile.runtimeDirectory())) {
            URI base = system.baseUri();
            ApiClient admin = system.administrator();
            admin.post("api/depots", Json.createObjectBuilder().add("code", "BENCH").add("name", "Benchmark depot")
                    .add("latitude", 51.5).add("longitude", -0.12).build());
            String key = admin.post("api/shippers", Json.createObjectBuilder().add("code", "BENCH").add("name", "Bench Ltd")
                    .build()).getString("apiKey");
            String trackingId = admin.asShipper(key).post("api/parcels", Json.createObjectBuilder()
                    .add("recipient", Json.createObjectBuilder().add("name", "Bench Recipient"))
                    .add("address", Json.createObjectBuilder().add("line", "1 Bench Road").add("town", "London")
                            .add("postcode", "SW1A 1AA").add("country", "GB").add("latitude", 51.501).add("longitude", -0.141))
                    .add("weightKg", 1.0).add("deliveryDate", LocalDate.now().plusDays(1).toString()).build())
                    .getString("trackingId");
            String token = system.administratorToken();
            List<LoadGenerator.Result> results = new ArrayList<>();
            results.add(LoadGenerator.run("GET /api/health, anonymous (baseline)", () -> get(base, "api/health", null), clients, seconds));
            results.add(LoadGenerator.run("GET /api/health, bearer token", () -> get(base, "api/health", token), clients, seconds));
            results.add(LoadGenerator.run("GET /api/depots, bearer token", () -> get(base, "api/depots", token), clients, seconds));
            results.add(LoadGenerator.run("GET /api/tracking/{id}?postcode=, anonymous", () -> get(base, "api/tracking/" + trackingId
                    + "?postcode=SW1A1AA", null), clients, seconds));
            results.add(LoadGenerator.run("GET /api/health, anonymous (baseline again)", () -> get(base, "api/health", null), clients, seconds));
            System.out.printf("%n%-48s %12s %9s %9s %7s%n", "request", "requests/s", "p50 ms", "p99 ms", "errors");
            for (LoadGenerator.Result r : results) {
                System.out.printf("%-48s %,12.0f %9.1f %9.1f %7d%n", r.label(), r.perSecond(), r.p50(), r.p99(), r.errors());
            }
            double baseline = (results.get(0).perSecond() + results.get(4).perSecond()) / 2;
            System.out.printf("%nbearer token on the same GET: %.1f%% of the anonymous baseline (mean of first and last)%n",
                    100 * results.get(1).perSecond() / baseline);
        }
    }

    private static HttpRequest get(URI base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        return token == null ? request.build() : request.header("Authorization", "Bearer " + token).build();
    }
}
