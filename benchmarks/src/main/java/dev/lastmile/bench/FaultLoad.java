package dev.lastmile.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the handhelds and a shipper do while a fault happens: each handheld uploads its day's scan events
 * in batches and, like the real app, keeps a batch until it is acknowledged and sends it again; a shipper
 * hands over parcels in batches (each parcel announced to its recipient by email and SMS) and sends an
 * unanswered batch again. Every answer is tallied by kind, so the run can say what clients saw.
 */
final class FaultLoad {

    private static final int SCAN_BATCH = 50;
    private static final int INTAKE_BATCH = 100;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** What the clients saw, counted per kind of answer. */
    static final class Tally {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong refusedWithProblem = new AtomicLong();
        final AtomicLong unavailableWithProblem = new AtomicLong();
        final AtomicLong errorWithProblem = new AtomicLong();
        final AtomicLong errorWithoutProblem = new AtomicLong();
        final AtomicLong noAnswer = new AtomicLong();
        final AtomicLong slowestMillis = new AtomicLong();
        final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();
        /** What the answers without a problem body were: status, content type and the start of the body. */
        final Set<String> withoutProblem = ConcurrentHashMap.newKeySet();

        void answered(HttpResponse<String> response, long millis) {
            slowestMillis.accumulateAndGet(millis, Math::max);
            int status = response.statusCode();
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (status / 100 == 2) {
                ok.incrementAndGet();
            } else if (!problem) {
                errorWithoutProblem.incrementAndGet();
                if (withoutProblem.size() < 5) {
                    String body = response.body().replaceAll("\\s+", " ");
                    withoutProblem.add(status + " " + response.headers().firstValue("Content-Type").orElse("-") + " "
                            + body.substring(0, Math.min(body.length(), 120)));
                }
            } else if (status == 503) {
                unavailableWithProblem.incrementAndGet();
                if (response.headers().firstValue("Retry-After").isEmpty()) {
                    unavailableWithoutRetryAfter.incrementAndGet();
                }
            } else if (status >= 500) {
                errorWithProblem.incrementAndGet();
            } else {
                refusedWithProblem.incrementAndGet();
            }
        }

        String describe() {
            return String.format("2xx %d, 4xx problem %d, 503 problem %d (without Retry-After %d), 5xx problem %d,"
                            + " error without a problem body %d, no answer %d, slowest answer %.1f s", ok.get(),
                    refusedWithProblem.get(), unavailableWithProblem.get(), unavailableWithoutRetryAfter.get(),
                    errorWithProblem.get(), errorWithoutProblem.get(), noAnswer.get(), slowestMillis.get() / 1000.0)
                    + (withoutProblem.isEmpty() ? "" : "; without a problem body: " + withoutProblem);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The instances: requests go to each in turn, as behind a round-robin load balancer. */
    private final List<URI> bases;
    private final AtomicLong requests = new AtomicLong();
    private final List<Handheld> handhelds = new ArrayList<>();
    private final Shipper shipper;
    private final ExecutorService pool;
    private volatile boolean running = true;
    private volatile Tally tally = new Tally();
    /** Scan events and parcel references the server acknowledged (200 with a result per item). */
    final Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
    final Set<String> acknowledgedParcels = ConcurrentHashMap.newKeySet();
    final AtomicLong lastSuccessNanos = new AtomicLong();

    FaultLoad(List<URI> bases, List<ScanIngestionBenchmark.Device> devices, String shipperKey, String runId) throws Exception {
        this.bases = bases;
        String signature = ScanIngestionBenchmark.signature();
        for (ScanIngestionBenchmark.Device device : devices) {
            List<JsonObject> events = new ArrayList<>();
            for (int n = 0; n < device.parcels().size() * 3; n++) {
                events.add(ScanIngestionBenchmark.event(device, n, signature));
            }
            handhelds.add(new Handheld(device.token(), events));
        }
        shipper = new Shipper(shipperKey, runId);
        pool = Executors.newFixedThreadPool(handhelds.size() + 1);
    }

    void start() {
        handhelds.forEach(handheld -> pool.submit(handheld::run));
        pool.submit(shipper::run);
    }

    /** From now on answers count into a fresh tally (the fault's window); returns the one that ends. */
    Tally nextWindow() {
        Tally ended = tally;
        tally = new Tally();
        return ended;
    }

    void stop() throws InterruptedException {
        running = false;
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
    }

    /**
     * Every handheld sends everything it ever sent once more, and the shipper every batch: all of it must come
     * back as stored before (duplicates), nothing stored twice. Returns the items stored now, which were not
     * acknowledged before (their first answer was lost in the fault).
     */
    long resendEverything() throws Exception {
        long storedNow = 0;
        for (Handheld handheld : handhelds) {
            storedNow += handheld.resend();
        }
        storedNow += shipper.resend();
        return storedNow;
    }

    private URI next(String path) {
        return bases.get((int) (requests.getAndIncrement() % bases.size())).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        long started = System.nanoTime();
        Tally counting = tally;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            counting.answered(response, (System.nanoTime() - started) / 1_000_000);
            if (response.statusCode() / 100 == 2) {
                lastSuccessNanos.set(System.nanoTime());
            }
            return response;
        } catch (IOException e) {
            counting.noAnswer.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Handheld {
        private final String token;
        private final List<JsonObject> events;
        private int sent;

        Handheld(String token, List<JsonObject> events) {
            this.token = token;
            this.events = events;
        }

        void run() {
            while (running && sent < events.size()) {
                List<JsonObject> batch = events.subList(sent, Math.min(events.size(), sent + SCAN_BATCH));
                if (upload(batch) >= 0) {
                    sent += batch.size();
                } else {
                    pause(); // kept, sent again: the handheld's queue
                }
            }
        }

        /** Stored events of the batch, or -1 when it was not acknowledged. */
        int upload(List<JsonObject> batch) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(next("api/handheld/events"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(ScanIngestionBenchmark.batchOf(batch))).build());
            if (response == null || response.statusCode() != 200) {
                return -1;
            }
            int stored = 0;
            for (JsonObject result : json(response.body()).getJsonArray("results").getValuesAs(JsonObject.class)) {
                String status = result.getString("status");
                if (!"REJECTED".equals(status)) {
                    acknowledgedEvents.add(result.getString("eventId"));
                }
                if ("STORED".equals(status)) {
                    stored++;
                }
            }
            return stored;
        }

        long resend() {
            long stored = 0;
            for (int from = 0; from < sent; from += SCAN_BATCH) {
                int result;
                while ((result = upload(events.subList(from, Math.min(sent, from + SCAN_BATCH)))) < 0) {
                    pause();
                }
                stored += result;
            }
            return stored;
        }
    }

    private final class Shipper {
        private final String key;
        private final String runId;
        private int batches;

        Shipper(String key, String runId) {
            this.key = key;
            this.runId = runId;
        }

        void run() {
            while (running) {
                if (handOver(batches) >= 0) {
                    batches++;
                } else {
                    pause();
                }
            }
        }

        /** Parcels created by the batch, or -1 when it was not acknowledged. */
        int handOver(int batch) {
            JsonArrayBuilder parcels = Json.createArrayBuilder();
            for (int i = 0; i < INTAKE_BATCH; i++) {
                String reference = runId + "-" + batch + "-" + i;
                parcels.add(Json.createObjectBuilder().add("shipperReference", reference)
                        .add("recipient", Json.createObjectBuilder().add("name", "Fault Recipient " + i)
                                .add("email", "r" + batch + "x" + i + "@example.org")
                                .add("phone", "+447700" + String.format("%06d", (batch * INTAKE_BATCH + i) % 1_000_000)))
                        .add("address", Json.createObjectBuilder().add("line", (i + 1) + " Bench Street").add("town", "London")
                                .add("postcode", "E1 6AN").add("country", "GB").add("latitude", 51.5 + i * 0.0001)
                                .add("longitude", -0.12))
                        .add("weightKg", 1.5).add("deliveryDate", LocalDate.now().plusDays(1).toString()));
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(next("api/parcels/batch"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json").header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(parcels.build().toString())).build());
            if (response == null || response.statusCode() / 100 != 2) {
                return -1;
            }
            JsonObject report = json(response.body());
            for (JsonObject row : report.getJsonArray("rows").getValuesAs(JsonObject.class)) {
                if (!"REJECTED".equals(row.getString("outcome"))) {
                    acknowledgedParcels.add(row.getString("shipperReference"));
                }
            }
            return report.getInt("created");
        }

        long resend() {
            long created = 0;
            for (int batch = 0; batch < batches; batch++) {
                int result;
                while ((result = handOver(batch)) < 0) {
                    pause();
                }
                created += result;
            }
            return created;
        }
    }
}
