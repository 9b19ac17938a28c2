package dev.lastmile.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Request latencies of one run, for percentiles. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    double percentileMillis(double percentile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
