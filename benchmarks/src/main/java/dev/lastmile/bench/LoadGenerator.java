package dev.lastmile.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Closed-loop HTTP load: N clients send requests back to back; 5 s warm-up, then requests/s and latencies. */
final class LoadGenerator {

    private LoadGenerator() {
    }

    /** Anything but 200 counts as an error. */
    record Result(String label, double perSecond, double p50, double p99, long errors) {
    }

    static Result run(String label, Supplier<HttpRequest> requests, int clients, int seconds) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        long end = warmUntil + seconds * 1_000_000_000L;
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        if (http.send(requests.get(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (start > warmUntil) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        Result result = new Result(label, latencies.count() / (double) seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), errors.get());
        System.out.printf("  %s: %,.0f requests/s%n", label, result.perSecond());
        return result;
    }
}
