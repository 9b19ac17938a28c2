package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The driver's app on a poor mobile network: a 150-stop route, Chromium in mobile emulation throttled to
 * 400 kbit/s each way and 400 ms round trip. Measures the bytes the phone transfers and the time until the
 * stop list is usable, for the first load (pairing included), a later start and a start with no network.
 * The baseline, in the same run: the first load on a fresh profile without throttling.
 *
 * <p>Bytes are counted on the wire by a TCP relay between Chromium and the server, so the service worker's
 * own downloads count too, headers included.
 */
public final class DriverAppBenchmark {

    private static final String DEPOT = "APPB";
    private static final int KBIT = 1000 / 8;

    private DriverAppBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stops = ScanIngestionBenchmark.intArg(args, "--stops", 150);
        int kbits = ScanIngestionBenchmark.intArg(args, "--kbits", 400);
        int rtt = ScanIngestionBenchmark.intArg(args, "--rtt", 400);
        Path data = Files.createTempDirectory("lastmile-bench");
        System.out.printf("driver's app: a %d-stop route; network %d kbit/s, %d ms round trip; starting MariaDB and"
                + " Payara Micro ...%n", stops, kbits, rtt);
        try (Lastmile system = Lastmile.start(new LaunchOptions(18190, 13338, data, true, false), Lastmile.runtimeDirectory());
             Relay relay = Relay.to(system.baseUri().getPort())) {
            ApiClient api = system.administrator();
            long deviceId = dayWithOneRoute(api, stops);
            URI app = URI.create("http://localhost:" + relay.port() + "/driver/");

            Result baseline;
            try (Phone phone = Phone.start()) {
                baseline = phone.firstLoad(app, pairingCode(api, deviceId), relay, stops);
            }
            try (Phone phone = Phone.start()) {
                phone.throttle(kbits * KBIT, rtt);
                Result first = phone.firstLoad(app, pairingCode(api, deviceId), relay, stops);
                Result later = phone.start(app, relay, stops);
                // DevTools' offline mode does not cover what the service worker fetches: the relay goes down as well.
                phone.offline();
                relay.cut();
                Result offline = phone.start(app, relay, stops);
                System.out.printf("%nfirst load, unthrottled (baseline): %,7d bytes, stop list usable after %,6d ms%n",
                        baseline.bytes(), baseline.millis());
                System.out.printf("first load, %d kbit/s %d ms:       %,7d bytes, stop list usable after %,6d ms%n",
                        kbits, rtt, first.bytes(), first.millis());
                System.out.printf("later start, same network:          %,7d bytes, stop list usable after %,6d ms%n",
                        later.bytes(), later.millis());
                System.out.printf("offline start:                      %,7d bytes, stop list usable after %,6d ms%n",
                        offline.bytes(), offline.millis());
                System.out.printf("summary: %d stops at %d kbit/s/%d ms: first load %.0f KB in %.1f s (unthrottled %.1f s),"
                        + " later start %.2f s, offline start %.2f s%n", stops, kbits, rtt, first.bytes() / 1000.0,
                        first.millis() / 1000.0, baseline.millis() / 1000.0, later.millis() / 1000.0, offline.millis() / 1000.0);
            }
        }
    }

    record Result(long bytes, long millis) {
    }

    /** A depot, one van big enough, one driver, the parcels spread over a town, the day planned, a handheld. */
    private static long dayWithOneRoute(ApiClient api, int stops) {
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "App benchmark depot")
                .add("latitude", 52.2053).add("longitude", 0.1218).add("opens", "06:00").add("closes", "23:00").build());
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", "APP 150")
                .add("type", "VAN").add("capacityKg", 5000).add("capacityParcels", stops + 10).build());
        long driverId = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Pat Bench")
                .add("shiftStart", "06:00").add("shiftEnd", "22:30").build()).getJsonNumber("id").longValue();
        String key = api.post("api/shippers", Json.createObjectBuilder().add("code", "APPB").add("name", "App Bench Ltd")
                .build()).getString("apiKey");
        Random random = new Random(7);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        var rows = Json.createArrayBuilder();
        for (int i = 0; i < stops; i++) {
            rows.add(Json.createObjectBuilder()
                    .add("recipient", Json.createObjectBuilder().add("name", "Recipient " + i).add("email", "r" + i + "@example.org"))
                    .add("address", Json.createObjectBuilder().add("line", (i + 1) + " Mill Road").add("town", "Cambridge")
                            .add("postcode", "CB1 2AD").add("country", "GB")
                            .add("latitude", 52.2053 + (random.nextDouble() - 0.5) * 0.03)
                            .add("longitude", 0.1218 + (random.nextDouble() - 0.5) * 0.05))
                    .add("weightKg", 1.5).add("deliveryDate", today.toString())
                    .add("instructions", "Ring twice; parcel " + i));
        }
        api.asShipper(key).post("api/parcels/batch", rows.build());
        JsonObject plan = api.post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", today.toString())
                .build());
        int planned = plan.getJsonArray("routes").getJsonObject(0).getJsonArray("stops").size();
        if (planned != stops) {
            throw new IllegalStateException("the plan has " + planned + " stops, not " + stops + "; "
                    + plan.getJsonArray("unplaced").size() + " unplaced");
        }
        return api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                .add("label", "Benchmark phone").build()).getJsonNumber("deviceId").longValue();
    }

    private static String pairingCode(ApiClient api, long deviceId) {
        return api.post("api/handheld/devices/" + deviceId + "/pairing", JsonValue.EMPTY_JSON_OBJECT).getString("code");
    }

    /** Debian's headless Chromium as a phone: 360 × 740, touch, a profile of its own. */
    static final class Phone implements AutoCloseable {

        private final ChromeDriver driver;
        private final Path profile;

        private Phone(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
        }

        static Phone start() throws IOException {
            Path profile = Files.createTempDirectory("lastmile-phone");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--user-data-dir=" + profile, "--lang=en-GB",
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 360, "height", 740, "pixelRatio", 2.0, "touch", true)));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
            return new Phone(new ChromeDriver(service, options), profile);
        }

        void throttle(int bytesPerSecond, int latencyMs) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latencyMs,
                    "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
        }

        void offline() {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }

        /** Opens the app with a pairing link, as a driver scanning the depot's QR code does. */
        Result firstLoad(URI app, String code, Relay relay, int stops) {
            Result result = timed(app.resolve("#pair=" + code), relay, stops);
            // The app is kept on the device once the service worker has installed it.
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(
                    driver.executeScript("return !!navigator.serviceWorker.controller")));
            return result;
        }

        /** The app opened again (from the home screen): the stop list from the device. */
        Result start(URI app, Relay relay, int stops) {
            driver.get("about:blank");
            return timed(app.resolve("#day"), relay, stops);
        }

        private Result timed(URI page, Relay relay, int stops) {
            long before = relay.bytes();
            long started = System.nanoTime();
            driver.get(page.toString());
            new WebDriverWait(driver, Duration.ofSeconds(300), Duration.ofMillis(20)).until(d ->
                    d.findElements(By.cssSelector("#stops li a")).size() == stops);
            long millis = (System.nanoTime() - started) / 1_000_000;
            // What follows the list in the background (the manifest refreshed, the service worker's downloads).
            sleep(3000);
            return new Result(relay.bytes() - before, millis);
        }

        @Override
        public void close() {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a profile left in /tmp is harmless
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards TCP connections to the server and counts every byte, both ways. */
    static final class Relay implements AutoCloseable {

        private final ServerSocket listening;
        private final AtomicLong bytes = new AtomicLong();
        private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean down;

        private Relay(ServerSocket listening, int target) {
            this.listening = listening;
            daemon(() -> accept(target));
        }

        static Relay to(int target) throws IOException {
            return new Relay(new ServerSocket(0), target);
        }

        int port() {
            return listening.getLocalPort();
        }

        long bytes() {
            return bytes.get();
        }

        /** No network from now on: open connections are dropped, new ones closed at once. */
        void cut() {
            down = true;
            open.forEach(Relay::closeQuietly);
        }

        private void accept(int target) {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    if (down) {
                        client.close();
                        continue;
                    }
                    Socket server = new Socket("localhost", target);
                    open.add(client);
                    open.add(server);
                    daemon(() -> pump(client, server));
                    daemon(() -> pump(server, client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "relay");
            thread.setDaemon(true);
            thread.start();
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.addAndGet(n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            listening.close();
        }
    }
}
