package dev.lastmile.routing.planning.solver;

import static dev.lastmile.routing.planning.solver.PlanarDay.Stop.at;
import static dev.lastmile.routing.planning.solver.PlanarDay.aDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The solver's fast checks on a tour. Its insertion test is exact: on random days with two
 * capacity dimensions, collections, shifts, breaks, range and time factors it accepts an
 * insertion exactly when the checker's replay of the resulting route finds it feasible, and its
 * timetables are the replay's. A removal that breaks a rule is caught.
 */
class InsertionCheckTest {

    private static Problem randomDay(Random random) {
        PlanarDay day = aDay().measuredIn("kg", "litres").depotOpen(0, 600);
        for (int i = 0; i < 10; i++) {
            double earliest = random.nextInt(200);
            PlanarDay.Stop stop = at(random.nextInt(101) - 50, random.nextInt(101) - 50)
                    .between(earliest, earliest + 20 + random.nextInt(280)).serviceTaking(random.nextInt(16))
                    .delivering(random.nextInt(6), random.nextInt(6));
            if (random.nextDouble() < 0.3) stop = stop.collecting(random.nextInt(6), random.nextInt(6));
            day.with(stop);
        }
        Vehicle v = Vehicle.withCapacity(8 + random.nextInt(13), 8 + random.nextInt(13))
                .withShift(random.nextInt(50), 300 + random.nextInt(300))
                .withTimeFactor(0.8 + 0.7 * random.nextDouble());
        if (random.nextBoolean()) v = v.withMaxDistance(150 + random.nextInt(250));
        if (random.nextDouble() < 0.7) {
            double from = 50 + random.nextInt(150);
            v = v.withBreak(new DriverBreak(from, from + 10 + random.nextInt(90), 10 + random.nextInt(30)));
        }
        return day.vehicle(v).problem();
    }

    private static boolean replayAccepts(Problem problem, List<Integer> sequence) {
        RouteReplay replay = new RouteReplay(problem, new Route(0, sequence));
        replay.drive(sequence.stream().map(i -> problem.customers().get(i - 1)).toList());
        return replay.onTime && replay.withinRange && replay.withinCapacity;
    }

    private static List<Integer> sequence(Tour t) {
        List<Integer> visits = new ArrayList<>();
        for (int i = 1; i <= t.size; i++) visits.add(t.nodes[i]);
        return visits;
    }

    private static boolean tourAccepts(FlatProblem p, Tour t, int c, int pos) {
        int prev = t.nodes[pos - 1];
        int next = t.nodes[pos];
        return t.fits(c) && t.canInsert(c, pos, p.distance(prev, c) + p.distance(c, next) - p.distance(prev, next));
    }

    @Test
    void acceptsAnInsertionExactlyWhenTheReplayedRouteIsFeasible() {
        Random random = new Random(2026);
        int accepted = 0;
        int rejected = 0;
        for (int day = 0; day < 300; day++) {
            Problem problem = randomDay(random);
            FlatProblem p = new FlatProblem(problem);
            Tour t = new Tour(p, 0);
            int[] tourOf = new int[p.size];
            int[] positionOf = new int[p.size];
            List<Integer> order = new ArrayList<>();
            for (int c = 1; c < p.size; c++) order.add(c);
            Collections.shuffle(order, random);
            for (int c : order) {
                List<Integer> fine = new ArrayList<>();
                for (int pos = 1; pos <= t.size + 1; pos++) {
                    List<Integer> candidate = new ArrayList<>(sequence(t));
                    candidate.add(pos - 1, c);
                    boolean expected = replayAccepts(problem, candidate);
                    assertEquals(expected, tourAccepts(p, t, c, pos), "day " + day + ": customer " + c + " before position "
                            + pos + " of " + sequence(t) + " with " + problem.fleet().vehicle(0));
                    if (expected) fine.add(pos);
                }
                if (fine.isEmpty()) {
                    rejected++;
                    continue;
                }
                accepted++;
                t.insert(c, fine.get(random.nextInt(fine.size())), tourOf, positionOf);
                Route route = new Route(0, sequence(t), Optional.of(t.schedule()));
                List<String> disagreements = RouteChecker.check(problem, new Solution(List.of(route), List.of(), t.distance, t.cost))
                        .violations().stream().filter(v -> !v.endsWith("served 0 times")).toList();
                assertEquals(List.of(), disagreements, "day " + day);
            }
        }
        assertTrue(accepted > 500 && rejected > 500, accepted + " accepted, " + rejected + " rejected");
    }

    @Test
    void aRemovalThatMakesTheRestOfTheTourLateIsCaught() {
        // Without the triangle inequality: 1 -> 3 directly takes 50, via 2 only 10.
        double[][] time = {{0, 5, 5, 5}, {5, 0, 5, 50}, {5, 5, 0, 5}, {5, 50, 5, 0}};
        List<Visit> customers = List.of(new Visit(1, new int[] {1}, 0, 100, 0), new Visit(2, new int[] {1}, 0, 100, 0),
                new Visit(3, new int[] {1}, 0, 20, 0));
        Problem problem = new Problem(Visit.depot(0, 1, 0, 100), customers, DenseTravelMatrix.of(time, time),
                Fleet.uniform(1, 10));
        FlatProblem p = new FlatProblem(problem);
        Plan plan = new Plan(p);
        Tour t = plan.tours[0];
        for (int c = 1; c <= 3; c++) t.insert(c, c, plan.tourOf, plan.positionOf);
        assertTrue(t.feasible());
        plan.beginMove();
        plan.touch(0);
        t.cut(2, 3, plan.tourOf);
        t.update(plan.tourOf, plan.positionOf);
        assertFalse(plan.touchedFeasible());
        plan.rollback();
        assertEquals(List.of(1, 2, 3), sequence(t));
    }
}
