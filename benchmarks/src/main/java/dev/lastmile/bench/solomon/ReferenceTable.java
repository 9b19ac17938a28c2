package dev.lastmile.bench.solomon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Best-known distances from {@code instance,customers,fleet_limit,best_distance} CSV. */
public record ReferenceTable(Map<String, Double> bestDistance) {

    public static ReferenceTable read(Path csv) throws IOException {
        Map<String, Double> best = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            best.put(f[0].trim(), Double.parseDouble(f[3].trim()));
        }
        return new ReferenceTable(Map.copyOf(best));
    }

    /** Percentage above the reference; negative means better than best known. */
    public double gapPercent(String instance, double distance) {
        double ref = bestDistance.get(instance);
        return 100 * (distance - ref) / ref;
    }
}
