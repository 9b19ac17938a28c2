package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.DemoPostOffice;
import dev.lastmile.launcher.MicroServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fault run: the run command started as a user starts it, its mail and SMS pointed at recording
 * servers outside it, handhelds uploading scans and a shipper handing over parcels, then one fault at a
 * time; after it, a restart where the fault needs one, every client re-sending everything, the outbox
 * left to drain, and a count in the database, in the clients' acknowledgements and at the recording servers.
 * {@code ./bench.sh faults [--only kill-micro,...] [--devices 12] [--outage 30]}; see docs/reliability.md.
 */
public final class FaultHarness {

    private static final int HTTP_PORT = 18280;
    private static final int DB_PORT = 13346;
    /** The recording post office: SMTP on 12625, SMS at 18125 (the demo's port scheme for HTTP port 18180). */
    private static final int POST_OFFICE_BASE = 18280 - 100;

    enum Fault { KILL_MICRO, KILL_LAUNCHER, FREEZE_DB, STOP_DB, SIGTERM, KILL_ONE_OF_TWO }

    /** The second instance of KILL_ONE_OF_TWO: Payara Micro with the same WAR against the run command's database. */
    private static final int SECOND_HTTP_PORT = HTTP_PORT + 1;

    private record Settings(int devices, int outageSeconds, int loadSeconds, List<Fault> faults) {
    }

    private record Row(Fault fault, long events, long eventsLost, long eventsTwice, long parcels, long parcelsLost,
                       long halfWritten, long messagesSent, long messagesLost, long messagesTwice, long inFlightAtFault,
                       double recoverySeconds, String duringFault, long storedOnResend) {
    }

    private FaultHarness() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(ScanIngestionBenchmark.intArg(args, "--devices", 12),
                ScanIngestionBenchmark.intArg(args, "--outage", 30), ScanIngestionBenchmark.intArg(args, "--load", 10),
                faults(args));
        List<Row> rows = new ArrayList<>();
        for (Fault fault : settings.faults()) {
            rows.add(run(fault, settings));
        }
        System.out.println();
        System.out.println("| fault | scan events acked | acked but lost | stored twice | parcels acked | acked but lost"
                + " | half-written parcels | messages sent | lost | sent twice | in flight at the fault | recovery |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (Row row : rows) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f s |%n",
                    row.fault().name().toLowerCase().replace('_', '-'), row.events(), row.eventsLost(), row.eventsTwice(),
                    row.parcels(), row.parcelsLost(), row.halfWritten(), row.messagesSent(), row.messagesLost(),
                    row.messagesTwice(), row.inFlightAtFault(), row.recoverySeconds());
        }
        System.out.println();
        for (Row row : rows) {
            System.out.println(row.fault().name().toLowerCase().replace('_', '-') + ", answers during the fault: "
                    + row.duringFault() + "; stored only when re-sent: " + row.storedOnResend());
        }
        boolean failed = rows.stream().anyMatch(row -> row.eventsLost() + row.eventsTwice() + row.parcelsLost()
                + row.halfWritten() + row.messagesLost() > 0 || row.messagesTwice() > row.inFlightAtFault());
        System.out.println(failed ? "FAILED: something acknowledged was lost, half-written or sent twice beyond what was in flight"
                : "every acknowledged item stored once; messages sent twice at most those in flight at the fault");
        if (failed) {
            System.exit(1);
        }
    }

    private static List<Fault> faults(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--only")) {
                List<Fault> chosen = new ArrayList<>();
                for (String name : args[i + 1].split(",")) {
                    chosen.add(Fault.valueOf(name.trim().toUpperCase().replace('-', '_')));
                }
                return chosen;
            }
        }
        return List.of(Fault.values());
    }

    private static Row run(Fault fault, Settings settings) throws Exception {
        Path data = Files.createTempDirectory("lastmile-fault");
        String jdbc = "jdbc:mysql://localhost:" + DB_PORT + "/lastmile?useSSL=false&allowPublicKeyRetrieval=true"
                + "&connectionTimeZone=UTC&connectTimeout=3000&socketTimeout=10000";
        System.out.printf("%n== %s: starting the run command (data in %s) ...%n", fault, data);
        try (DemoPostOffice recorder = DemoPostOffice.open(POST_OFFICE_BASE)) {
            // The carrier's configuration, as far as the run command is concerned: the recording servers are outside it.
            Map<String, String> environment = new HashMap<>(recorder.environment());
            environment.put("LASTMILE_DB_RESTART_DELAY", String.valueOf(settings.outageSeconds()));
            LauncherProcess launcher = LauncherProcess.start(data, HTTP_PORT, DB_PORT, environment);
            launcher.awaitReady(Duration.ofMinutes(3));
            check(launcher.said("the carrier's SMTP server localhost"), "the launcher did not use the configured SMTP server");
            URI base = URI.create("http://localhost:" + HTTP_PORT + "/");
            ApiClient admin = new ApiClient(base).signedIn("admin", launcher.adminPassword()
                    .orElseThrow(() -> new IllegalStateException("no administrator password printed")));
            List<ScanIngestionBenchmark.Device> devices = ScanIngestionBenchmark.prepare(admin, jdbc,
                    new ScanIngestionBenchmark.Settings(settings.devices(), 0, 50, 1200, 150));
            String shipperKey = admin.post("api/shippers", Json.createObjectBuilder().add("code", "FAULTS")
                    .add("name", "Fault Run Shipper").build()).getString("apiKey");
            MicroServer second = fault == Fault.KILL_ONE_OF_TWO ? startSecond(data, recorder) : null;
            List<URI> bases = second == null ? List.of(base) : List.of(base, second.baseUri());
            FaultLoad load = new FaultLoad(bases, devices, shipperKey, "F" + System.currentTimeMillis());
            load.start();
            Thread.sleep(settings.loadSeconds() * 1000L);
            String acrossInstances = second == null ? "" : acrossInstances(admin, new ApiClient(base).token("admin",
                    launcher.adminPassword().orElseThrow()), base, second.baseUri(), jdbc);
            load.nextWindow();
            long faultAt = System.nanoTime();
            long inFlight = 1; // one sending thread: at most the message it had in hand
            launcher = inflict(fault, launcher, data, environment, settings);
            long recoveredFrom = System.nanoTime();
            while (load.lastSuccessNanos.get() < recoveredFrom) {
                Thread.sleep(100);
                if (System.nanoTime() - recoveredFrom > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("no request succeeded within 3 minutes of the fault's end");
                }
            }
            double recovery = (load.lastSuccessNanos.get() - recoveredFrom) / 1e9;
            String duringFault = load.nextWindow().describe();
            System.out.printf("fault lasted %.1f s; first success %.1f s after its end%n", (recoveredFrom - faultAt) / 1e9, recovery);
            Thread.sleep(settings.loadSeconds() * 1000L);
            load.stop();
            long storedOnResend = load.resendEverything();
            awaitOutboxDrained(jdbc);
            Row row = count(fault, jdbc, load, recorder, inFlight, recovery, duringFault + acrossInstances, storedOnResend);
            if (second != null) {
                second.close();
            }
            LauncherProcess.signal(launcher.pid(), "TERM");
            launcher.waitForExit(Duration.ofMinutes(2));
            return row;
        }
    }

    /** Applies the fault and returns the launcher that runs afterwards (a new one where the fault needs a restart). */
    private static LauncherProcess inflict(Fault fault, LauncherProcess launcher, Path data, Map<String, String> environment,
                                           Settings settings) throws Exception {
        switch (fault) {
            case KILL_MICRO -> {
                System.out.println("kill -9 of Payara Micro");
                LauncherProcess.signal(launcher.child("payara-micro.jar").pid(), "KILL");
                check(launcher.waitForExit(Duration.ofSeconds(30)), "the launcher kept running after Payara Micro died");
                check(launcher.exitValue() != 0, "the launcher exited with 0 after Payara Micro died");
                return restart(data, environment);
            }
            case KILL_LAUNCHER -> {
                System.out.println("kill -9 of the launcher");
                ProcessHandle micro = launcher.child("payara-micro.jar");
                ProcessHandle database = launcher.child("mariadbd");
                LauncherProcess.signal(launcher.pid(), "KILL");
                // The watchdog stops both, Payara Micro first; a TimeoutException here is a server left behind.
                micro.onExit().get(90, TimeUnit.SECONDS);
                database.onExit().get(90, TimeUnit.SECONDS);
                return restart(data, environment);
            }
            case FREEZE_DB -> {
                System.out.println("kill -STOP of MariaDB for " + settings.outageSeconds() + " s");
                long pid = launcher.child("mariadbd").pid();
                LauncherProcess.signal(pid, "STOP");
                Thread.sleep(settings.outageSeconds() * 1000L);
                LauncherProcess.signal(pid, "CONT");
                return launcher;
            }
            case STOP_DB -> {
                System.out.println("MariaDB stopped (SIGTERM); the launcher starts it again after " + settings.outageSeconds() + " s");
                ProcessHandle database = launcher.child("mariadbd");
                LauncherProcess.signal(database.pid(), "TERM");
                database.onExit().get(60, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + Duration.ofSeconds(settings.outageSeconds() + 90).toNanos();
                while (!launcher.said("MariaDB is running again")) {
                    check(System.nanoTime() < deadline, "MariaDB was not started again: " + launcher.tail());
                    Thread.sleep(200);
                }
                return launcher;
            }
            case KILL_ONE_OF_TWO -> {
                System.out.println("kill -9 of the second of two instances");
                ProcessHandle second = ProcessHandle.allProcesses()
                        .filter(process -> process.info().commandLine().map(line -> line.contains("payara-micro.jar")
                                && line.contains("--port " + SECOND_HTTP_PORT)).orElse(false))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no second instance"));
                LauncherProcess.signal(second.pid(), "KILL");
                second.onExit().get(30, TimeUnit.SECONDS);
                return launcher;
            }
            case SIGTERM -> {
                System.out.println("SIGTERM of the launcher under load");
                LauncherProcess.signal(launcher.pid(), "TERM");
                check(launcher.waitForExit(Duration.ofMinutes(2)), "the launcher did not stop within 2 minutes");
                return restart(data, environment);
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
    }

    /** A second instance as docs/running.md describes one: the same WAR, database, keys and couriers. */
    private static MicroServer startSecond(Path data, DemoPostOffice recorder) throws Exception {
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(data.resolve("secrets.properties"))) {
            secrets.load(reader);
        }
        Map<String, String> environment = new HashMap<>(recorder.environment());
        secrets.stringPropertyNames().forEach(key -> environment.put(key, secrets.getProperty(key)));
        environment.put("LASTMILE_DB_URL", "jdbc:mysql://localhost:" + DB_PORT + "/lastmile?useSSL=false"
                + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&cachePrepStmts=true&useLocalSessionState=true"
                + "&connectionTimeZone=UTC");
        environment.put("LASTMILE_DB_USER", "root");
        environment.put("LASTMILE_DB_PASSWORD", "");
        environment.put("LASTMILE_PUBLIC_URL", "http://localhost:" + HTTP_PORT);
        System.out.println("starting a second instance on port " + SECOND_HTTP_PORT + " against the same database ...");
        MicroServer second = MicroServer.start(Path.of("launcher/target/runtime").toAbsolutePath(), SECOND_HTTP_PORT,
                environment, data.resolve("second-instance/logs"));
        second.awaitReady(Duration.ofMinutes(3));
        return second;
    }

    /**
     * What must hold across instances, tried on both while they run: the wrong-postcode throttle counts attempts on
     * either, and a planning job started on one is followed and cancelled from the other.
     */
    private static String acrossInstances(ApiClient admin, String token, URI first, URI second, String jdbc) throws Exception {
        String trackingId;
        try (Connection db = DriverManager.getConnection(jdbc, "root", "");
             Statement query = db.createStatement();
             ResultSet row = query.executeQuery("SELECT p.tracking_id FROM parcel p JOIN shipper s ON s.id = p.shipper_id"
                     + " WHERE s.code = 'FAULTS' LIMIT 1")) {
            check(row.next(), "no parcel of the fault run's shipper yet");
            trackingId = row.getString(1);
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 7; attempt++) {
            URI instance = attempt % 2 == 0 ? first : second;
            statuses.add(http.send(HttpRequest.newBuilder(instance.resolve("api/tracking/" + trackingId + "?postcode=ZZ9+9ZZ"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        // The limit is 5 wrong postcodes: the fifth blocks, whichever instance counted the others.
        check(statuses.subList(0, 4).stream().allMatch(status -> status == 404)
                && statuses.subList(5, 7).stream().allMatch(status -> status == 429),
                "the throttle across instances answered " + statuses);
        JsonObject job = admin.post("api/planning-jobs", Json.createObjectBuilder().add("depot", "BENCH")
                .add("date", java.time.LocalDate.now().plusDays(1).toString()).add("budgetSeconds", 120).build());
        long id = job.getJsonNumber("id").longValue();
        Thread.sleep(2000);
        HttpRequest.Builder onSecond = HttpRequest.newBuilder(second.resolve("api/planning-jobs/" + id))
                .header("Authorization", "Bearer " + token);
        String seen = json(http.send(onSecond.copy().GET().build(), HttpResponse.BodyHandlers.ofString()).body()).getString("status");
        long cancelledAt = System.nanoTime();
        int cancelled = http.send(onSecond.copy().DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        check(cancelled == 200, "cancelling on the second instance answered " + cancelled);
        JsonObject settled;
        do {
            Thread.sleep(250);
            settled = admin.get("api/planning-jobs/" + id);
        } while ((!settled.containsKey("finishedAt") || settled.isNull("finishedAt"))
                && System.nanoTime() - cancelledAt < 30_000_000_000L);
        return String.format("; across instances: wrong postcodes alternating answered %s; planning job %d started on"
                        + " the first, seen %s on the second, cancelled there: %s on the first after %d ms of its 120 s budget",
                statuses, id, seen, settled.getString("status"), settled.getJsonNumber("elapsedMs").longValue());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new java.io.StringReader(body))) {
            return reader.readObject();
        }
    }

    private static LauncherProcess restart(Path data, Map<String, String> environment) throws Exception {
        LauncherProcess launcher = LauncherProcess.start(data, HTTP_PORT, DB_PORT, environment);
        launcher.awaitReady(Duration.ofMinutes(3));
        return launcher;
    }

    private static void awaitOutboxDrained(String jdbc) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
                if (ScanIngestionBenchmark.single(db, "SELECT COUNT(*) FROM notification WHERE status = 'PENDING'") == 0) {
                    return;
                }
            }
            Thread.sleep(1000);
        }
        System.out.println("the outbox did not drain within 5 minutes");
    }

    private static Row count(Fault fault, String jdbc, FaultLoad load, DemoPostOffice recorder, long inFlight, double recovery,
                             String duringFault, long storedOnResend) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            Set<String> storedEvents = strings(db, "SELECT device_event_id FROM scan_event");
            long eventRows = ScanIngestionBenchmark.single(db, "SELECT COUNT(*) FROM scan_event");
            long eventsLost = load.acknowledgedEvents.stream().filter(id -> !storedEvents.contains(id)).count();
            Set<String> parcels = strings(db, "SELECT p.shipper_reference FROM parcel p JOIN shipper s ON s.id = p.shipper_id"
                    + " WHERE s.code = 'FAULTS'");
            long parcelsLost = load.acknowledgedParcels.stream().filter(ref -> !parcels.contains(ref)).count();
            long halfWritten = ScanIngestionBenchmark.single(db, "SELECT COUNT(*) FROM parcel p JOIN shipper s ON s.id = p.shipper_id"
                    + " WHERE s.code = 'FAULTS' AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.parcel_id = p.id)");
            Set<String> sent = strings(db, "SELECT CONCAT('lm-', id) FROM notification WHERE status = 'SENT'"
                    + " AND channel IN ('EMAIL', 'SMS')");
            Map<String, Long> received = recorder.references().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long messagesLost = sent.stream().filter(ref -> !received.containsKey(ref)).count();
            long messagesTwice = received.values().stream().filter(copies -> copies > 1).mapToLong(copies -> copies - 1).sum();
            return new Row(fault, load.acknowledgedEvents.size(), eventsLost, eventRows - storedEvents.size(),
                    load.acknowledgedParcels.size(), parcelsLost, halfWritten, sent.size(), messagesLost, messagesTwice,
                    inFlight, recovery, duringFault, storedOnResend);
        }
    }

    private static Set<String> strings(Connection db, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
