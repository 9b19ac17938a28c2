package dev.lastmile.bench;

import dev.lastmile.bench.solomon.JspritBaseline;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.routing.planning.control.RoutePlanner;
import dev.lastmile.routing.planning.control.RoutePlanner.Destination;
import dev.lastmile.routing.planning.control.RoutePlanner.Van;
import dev.lastmile.routing.planning.solver.Problem;
import dev.lastmile.routing.planning.solver.RouteChecker;
import dev.lastmile.routing.planning.solver.Solution;
import dev.lastmile.routing.planning.solver.Solver;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic depot day: 2,000 parcels within about 12 km of a London depot, a third without a slot and
 * the rest in 2-hour slots from 08:00 to 20:00, 40 vans of 120 parcels and 900 kg. The same problem
 * (the one {@link RoutePlanner} builds) goes to our solver and to jsprit with the same time budget;
 * both answers are checked by the same route checker.
 */
public final class RealisticDayBenchmark {

    private static final GeoPoint DEPOT = new GeoPoint(51.529, -0.264);

    private RealisticDayBenchmark() {
    }

    public static void main(String[] args) {
        int parcels = intArg(args, "--parcels", 2000);
        int vans = intArg(args, "--vehicles", 40);
        Duration budget = Duration.ofSeconds(intArg(args, "--budget", 60));
        Problem problem = RoutePlanner.solverProblem(DEPOT, LocalDateTime.of(2026, 12, 1, 8, 0), fleet(vans), day(parcels));
        System.out.printf("realistic day: %d parcels, %d vans, budget %d s per solver%n%n", parcels, vans, budget.toSeconds());
        System.out.println("| solver | feasible | vans used | unplaced | distance km | solve s |");
        System.out.println("|---|---|--:|--:|--:|--:|");
        long start = System.nanoTime();
        Solution ours = new Solver().solve(problem, budget, 1L);
        report("SISR (1 thread)", problem, ours, start);
        start = System.nanoTime();
        Solution jsprit = new JspritBaseline(2).solve(problem, budget);
        report("jsprit (2 threads)", problem, jsprit, start);
    }

    private static void report(String name, Problem problem, Solution solution, long start) {
        RouteChecker.Report check = RouteChecker.check(problem, solution);
        System.out.printf("| %s | %s | %d | %d | %.1f | %.1f |%n", name, check.feasible() ? "yes" : "no: " + check.violations().size(),
                check.vehiclesUsed(), solution.unassigned().size(), check.distance() / 1000, (System.nanoTime() - start) / 1e9);
    }

    private static List<Van> fleet(int count) {
        List<Van> vans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vans.add(new Van(i + 1, 900, 120, 25));
        }
        return vans;
    }

    private static List<Destination> day(int count) {
        Random random = new Random(2026);
        List<Destination> day = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double km = 12 * Math.sqrt(random.nextDouble());
            GeoPoint point = new GeoPoint(DEPOT.latitude() + km / 111.2 * Math.sin(angle),
                    DEPOT.longitude() + km / (111.2 * Math.cos(Math.toRadians(DEPOT.latitude()))) * Math.cos(angle));
            int slot = random.nextInt(9);
            TimeSlot window = slot < 3 ? null : new TimeSlot(LocalTime.of(8 + 2 * (slot - 3), 0), LocalTime.of(10 + 2 * (slot - 3), 0));
            day.add(new Destination(i + 1, point, 0.2 + random.nextDouble() * 10, window));
        }
        return day;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
