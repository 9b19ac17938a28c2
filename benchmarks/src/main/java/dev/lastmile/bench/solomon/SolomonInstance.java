package dev.lastmile.bench.solomon;

import dev.lastmile.routing.planning.solver.DenseTravelMatrix;
import dev.lastmile.routing.planning.solver.Fleet;
import dev.lastmile.routing.planning.solver.Problem;
import dev.lastmile.routing.planning.solver.Visit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Solomon instance read from the LKH-3 {@code .vrptw} format.
 *
 * <p>Format facts this reader relies on (checked against the files): node 1 is the depot;
 * coordinates, demands, time windows and SERVICE_TIME are in original Solomon units;
 * SERVICE_TIME applies to customers only; SCALE=10 with FLOOR_2D means distances are
 * Euclidean truncated to one decimal. Travel time equals distance. Node id {@code i} becomes
 * stop index {@code i - 1}, so the depot is index 0.
 */
public record SolomonInstance(String name, Problem problem) {

    public static SolomonInstance read(Path file) throws IOException {
        Map<String, String> header = new HashMap<>();
        Map<String, List<double[]>> sections = new HashMap<>();
        String section = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.trim();
            if (line.isEmpty() || line.equals("EOF")) continue;
            if (line.endsWith("_SECTION")) {
                section = line;
                sections.put(section, new ArrayList<>());
            } else if (section == null && line.contains(":")) {
                int colon = line.indexOf(':');
                header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            } else if (section != null) {
                String[] parts = line.split("\\s+");
                double[] values = new double[parts.length];
                for (int i = 0; i < parts.length; i++) values[i] = Double.parseDouble(parts[i]);
                sections.get(section).add(values);
            }
        }
        int dimension = Integer.parseInt(header.get("DIMENSION"));
        int vehicles = Integer.parseInt(header.get("VEHICLES"));
        int capacity = Integer.parseInt(header.get("CAPACITY"));
        double service = Double.parseDouble(header.getOrDefault("SERVICE_TIME", "0"));
        double scale = Double.parseDouble(header.getOrDefault("SCALE", "1"));
        String weights = header.getOrDefault("EDGE_WEIGHT_TYPE", "EUC_2D");
        if (!weights.equals("FLOOR_2D")) throw new IOException("unsupported EDGE_WEIGHT_TYPE " + weights);

        double[] x = new double[dimension];
        double[] y = new double[dimension];
        int[] demand = new int[dimension];
        double[] earliest = new double[dimension];
        double[] latest = new double[dimension];
        for (double[] r : sections.get("NODE_COORD_SECTION")) {
            x[(int) r[0] - 1] = r[1];
            y[(int) r[0] - 1] = r[2];
        }
        for (double[] r : sections.get("DEMAND_SECTION")) demand[(int) r[0] - 1] = (int) r[1];
        for (double[] r : sections.get("TIME_WINDOW_SECTION")) {
            earliest[(int) r[0] - 1] = r[1];
            latest[(int) r[0] - 1] = r[2];
        }
        int depot = (int) sections.get("DEPOT_SECTION").get(0)[0] - 1;
        if (depot != 0) throw new IOException("expected node 1 as depot");

        DenseTravelMatrix matrix = DenseTravelMatrix.timeEqualsDistance(dimension,
                (i, j) -> Math.floor(scale * Math.hypot(x[i] - x[j], y[i] - y[j])) / scale);
        List<Visit> customers = new ArrayList<>();
        for (int i = 1; i < dimension; i++) {
            customers.add(new Visit(i, new int[]{demand[i]}, earliest[i], latest[i], service));
        }
        Visit depotVisit = Visit.depot(0, 1, earliest[0], latest[0]);
        Problem problem = new Problem(depotVisit, customers, matrix, Fleet.uniform(vehicles, capacity));
        return new SolomonInstance(header.get("NAME"), problem);
    }

    /** Solomon class from the name: C1, C2, R1, R2, RC1 or RC2. */
    public String family() {
        int digit = 0;
        while (!Character.isDigit(name.charAt(digit))) digit++;
        return name.substring(0, digit + 1);
    }
}
