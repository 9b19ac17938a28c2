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
 * What asking every caller who it is costs, in one run on one machine (32 clients, 15 s per request kind after
 * a 5 s warm-up). With {@code --before DIR} (a build of the revision before sign-in existed, made by
 * benchmarks/build-revision.sh) it first serves that build and measures the same GETs there, without
 * credentials as they were then: GET /api/depots (one JPA query) and public tracking. Then this build: the same
 * GET with a bearer token, public tracking, and /api/health with and without a token (the authentication alone:
 * the token's signature and the account's revocation epoch).
 */
public final class AccessBenchmark {

    private static final String TRACKED_POSTCODE = "SW1A1AA";

    private AccessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = ScanIngestionBenchmark.intArg(args, "--clients", 32);
        int seconds = ScanIngestionBenchmark.intArg(args, "--seconds", 15);
        String before = stringArg(args, "--before");
        System.out.printf("access: %d clients, %d s per request kind%n", clients, seconds);
        List<LoadGenerator.Result> results = new ArrayList<>();
        if (before != null) {
            System.out.println("the build before sign-in (" + before + "): starting MariaDB and Payara Micro ...");
            try (Lastmile system = start(Path.of(before))) {
                ApiClient anyone = new ApiClient(system.baseUri());
                String trackingId = prepare(anyone, anyone);
                URI base = system.baseUri();
                results.add(LoadGenerator.run("before: GET /api/depots, no credentials", () -> get(base, "api/depots", null),
                        clients, seconds));
                results.add(LoadGenerator.run("before: GET /api/tracking/{id}?postcode=", () -> get(base, tracking(trackingId),
                        null), clients, seconds));
            }
        }
        System.out.println("this build: starting MariaDB and Payara Micro ...");
        try (Lastmile system = start(Lastmile.runtimeDirectory())) {
            ApiClient admin = system.administrator();
            String trackingId = prepare(admin, admin);
            String token = system.administratorToken();
            URI base = system.baseUri();
            results.add(LoadGenerator.run("now: GET /api/depots, bearer token", () -> get(base, "api/depots", token), clients,
                    seconds));
            results.add(LoadGenerator.run("now: GET /api/tracking/{id}?postcode=", () -> get(base, tracking(trackingId), null),
                    clients, seconds));
            results.add(LoadGenerator.run("now: GET /api/health, no credentials", () -> get(base, "api/health", null), clients,
                    seconds));
            results.add(LoadGenerator.run("now: GET /api/health, bearer token", () -> get(base, "api/health", token), clients,
                    seconds));
        }
        System.out.printf("%n%-44s %12s %9s %9s %7s%n", "request", "requests/s", "p50 ms", "p99 ms", "errors");
        for (LoadGenerator.Result r : results) {
            System.out.printf("%-44s %,12.0f %9.1f %9.1f %7d%n", r.label(), r.perSecond(), r.p50(), r.p99(), r.errors());
        }
        int now = before == null ? 0 : 2;
        if (before != null) {
            System.out.printf("%nGET /api/depots with a bearer token: %.1f%% of the same GET before sign-in%n",
                    100 * results.get(now).perSecond() / results.get(0).perSecond());
            System.out.printf("public tracking: %.1f%% of before%n", 100 * results.get(now + 1).perSecond() / results.get(1).perSecond());
        }
        System.out.printf("GET /api/health with a bearer token: %.1f%% of the same GET without%n",
                100 * results.get(now + 3).perSecond() / results.get(now + 2).perSecond());
    }

    private static Lastmile start(Path runtime) throws Exception {
        Path data = Files.createTempDirectory("lastmile-bench");
        return Lastmile.start(new LaunchOptions(18180, 13336, data, true, false), runtime);
    }

    /** A depot and one parcel to follow; returns its tracking id. */
    private static String prepare(ApiClient staff, ApiClient shipperSide) {
        staff.post("api/depots", Json.createObjectBuilder().add("code", "BENCH").add("name", "Benchmark depot")
                .add("latitude", 51.5).add("longitude", -0.12).build());
        String key = staff.post("api/shippers", Json.createObjectBuilder().add("code", "BENCH").add("name", "Bench Ltd")
                .build()).getString("apiKey");
        return shipperSide.asShipper(key).post("api/parcels", Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", "Bench Recipient"))
                .add("address", Json.createObjectBuilder().add("line", "1 Bench Road").add("town", "London")
                        .add("postcode", "SW1A 1AA").add("country", "GB").add("latitude", 51.501).add("longitude", -0.141))
                .add("weightKg", 1.0).add("deliveryDate", LocalDate.now().plusDays(1).toString()).build())
                .getString("trackingId");
    }

    private static String tracking(String trackingId) {
        return "api/tracking/" + trackingId + "?postcode=" + TRACKED_POSTCODE;
    }

    private static HttpRequest get(URI base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        return token == null ? request.build() : request.header("Authorization", "Bearer " + token).build();
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
