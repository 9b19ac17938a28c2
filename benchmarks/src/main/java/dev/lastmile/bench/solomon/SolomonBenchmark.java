package dev.lastmile.bench.solomon;

import dev.lastmile.routing.planning.solver.RouteChecker;
import dev.lastmile.routing.planning.solver.Solution;
import dev.lastmile.routing.planning.solver.Solver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Solves Solomon instances with our solver and with jsprit under the same time budget, checks
 * both results with {@link RouteChecker} and prints a table plus per-class average gaps.
 *
 * <pre>
 * args: [--data DIR] [--reference CSV] [--budget SECONDS] [--quick] [--filter REGEX]
 *       [--seed N] [--no-jsprit] [--jsprit-threads N]
 * </pre>
 * Quick mode solves instances 03 and 06 of each class (12 in all) at 5 s unless --budget is given.
 */
public final class SolomonBenchmark {

    private static final List<String> FAMILIES = List.of("C1", "C2", "R1", "R2", "RC1", "RC2");

    /** One solver's checked outcome on one instance. */
    private record Outcome(int vehicles, double distance, double gap, boolean feasible) {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/data/vrptw/solomon-100");
        Path reference = Path.of("../shared/data/vrptw/solomon-100-reference.csv");
        Double budgetSeconds = null;
        boolean quick = false;
        boolean withJsprit = true;
        int jspritThreads = 2;
        long seed = 1;
        Pattern filter = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--reference" -> reference = Path.of(args[++i]);
                case "--budget" -> budgetSeconds = Double.parseDouble(args[++i]);
                case "--quick" -> quick = true;
                case "--filter" -> filter = Pattern.compile(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-jsprit" -> withJsprit = false;
                case "--jsprit-threads" -> jspritThreads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Duration budget = Duration.ofMillis((long) (1000 * (budgetSeconds != null ? budgetSeconds : quick ? 5 : 30)));
        List<Path> files = selectFiles(data, quick, filter);
        ReferenceTable refs = ReferenceTable.read(reference);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Solomon VRPTW benchmark: %d instances, %.1f s per instance and solver, seed %d%n",
                files.size(), budget.toMillis() / 1000.0, seed);
        out.printf(Locale.ROOT, "SISR: 1 thread; jsprit %s: %s%n", "1.9.0-beta.11",
                withJsprit ? jspritThreads + " threads, default algorithm" : "skipped");
        out.println();
        out.printf(Locale.ROOT, "| %-6s | %8s | %4s | %8s | %6s | %-4s | %4s | %8s | %6s | %-4s |%n",
                "inst", "best", "veh", "SISR", "gap%", "ok", "veh", "jsprit", "gap%", "ok");
        out.println("|--------|---------:|-----:|---------:|-------:|------|-----:|---------:|-------:|------|");

        Map<String, List<Outcome>> ours = new LinkedHashMap<>();
        Map<String, List<Outcome>> theirs = new LinkedHashMap<>();
        Solver solver = new Solver();
        for (Path file : files) {
            SolomonInstance instance = SolomonInstance.read(file);
            Outcome a = judge(instance, solver.solve(instance.problem(), budget, seed), refs);
            Outcome b = withJsprit
                    ? judge(instance, new JspritBaseline(jspritThreads).solve(instance.problem(), budget), refs)
                    : null;
            ours.computeIfAbsent(instance.family(), f -> new ArrayList<>()).add(a);
            if (b != null) theirs.computeIfAbsent(instance.family(), f -> new ArrayList<>()).add(b);
            out.printf(Locale.ROOT, "| %-6s | %8.1f | %s | %s |%n", instance.name(),
                    refs.bestDistance().get(instance.name()), cells(a), b == null ? "   - |        - |      - | -   " : cells(b));
            out.flush();
        }
        out.println();
        out.println("Average gap to best known (feasible solutions only; 'feasible' counts checker-approved results)");
        out.println();
        out.printf(Locale.ROOT, "| %-7s | %3s | %9s | %8s | %11s | %8s |%n", "class", "n", "SISR gap%", "feasible",
                "jsprit gap%", "feasible");
        out.println("|---------|----:|----------:|---------:|------------:|---------:|");
        List<Outcome> allOurs = new ArrayList<>();
        List<Outcome> allTheirs = new ArrayList<>();
        for (String family : FAMILIES) {
            List<Outcome> a = ours.getOrDefault(family, List.of());
            if (a.isEmpty()) continue;
            List<Outcome> b = theirs.getOrDefault(family, List.of());
            allOurs.addAll(a);
            allTheirs.addAll(b);
            out.println(summaryRow(family, a, b));
        }
        out.println(summaryRow("overall", allOurs, allTheirs));
        out.flush();
        System.exit(0); // jsprit may leave non-daemon worker threads behind
    }

    private static List<Path> selectFiles(Path data, boolean quick, Pattern filter) throws IOException {
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".vrptw"))
                    .filter(f -> !quick || f.getFileName().toString().matches("[A-Z]+[12]0[36]\\..*"))
                    .filter(f -> filter == null || filter.matcher(f.getFileName().toString()).find())
                    .sorted()
                    .toList();
        }
    }

    private static Outcome judge(SolomonInstance instance, Solution solution, ReferenceTable refs) {
        RouteChecker.Report report = RouteChecker.check(instance.problem(), solution);
        if (!report.feasible()) {
            System.err.println(instance.name() + " infeasible: " + report.violations().subList(0,
                    Math.min(3, report.violations().size())));
        }
        return new Outcome(report.vehiclesUsed(), report.distance(), refs.gapPercent(instance.name(), report.distance()),
                report.feasible());
    }

    private static String cells(Outcome o) {
        return String.format(Locale.ROOT, "%4d | %8.1f | %6.2f | %-4s", o.vehicles(), o.distance(), tidy(o.gap()),
                o.feasible() ? "yes" : "NO");
    }

    private static String summaryRow(String label, List<Outcome> a, List<Outcome> b) {
        return String.format(Locale.ROOT, "| %-7s | %3d | %9s | %8s | %11s | %8s |", label, a.size(),
                averageGap(a), feasibleCount(a), b.isEmpty() ? "-" : averageGap(b), b.isEmpty() ? "-" : feasibleCount(b));
    }

    private static String averageGap(List<Outcome> outcomes) {
        return String.format(Locale.ROOT, "%.2f",
                tidy(outcomes.stream().filter(Outcome::feasible).mapToDouble(Outcome::gap).average().orElse(Double.NaN)));
    }

    /** Rounding noise such as -0.0000001 % would print as "-0.00". */
    private static double tidy(double gap) {
        return Math.abs(gap) < 0.005 ? 0 : gap;
    }

    private static String feasibleCount(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::feasible).count() + "/" + outcomes.size();
    }
}
