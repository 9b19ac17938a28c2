package dev.lastmile.routing.planning.solver;

import static dev.lastmile.routing.planning.solver.PlanarDay.Stop.at;
import static dev.lastmile.routing.planning.solver.PlanarDay.aDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the checker drives a route: the break rule, shifts, time factor and loads, stop by stop. */
class RouteReplayTest {

    // Customers 10 apart on a line: 1 at 10, 2 at 20; each takes 20 to serve.
    private static Problem line(Vehicle vehicle) {
        return aDay().vehicle(vehicle).with(at(10, 0).serviceTaking(20), at(20, 0).serviceTaking(20)).problem();
    }

    private static RouteReplay replay(Problem problem, Integer... visits) {
        return new RouteReplay(problem, new Route(0, List.of(visits)));
    }

    private static Schedule drive(Problem problem, Integer... visits) {
        RouteReplay replay = replay(problem, visits);
        Schedule s = replay.drive(List.of(visits).stream().map(i -> problem.customers().get(i - 1)).toList());
        assertEquals(List.of(), replay.violations());
        return s;
    }

    private static Vehicle withBreak(double from, double to) {
        return Vehicle.withCapacity(10).withBreak(new DriverBreak(from, to, 30));
    }

    @Test
    void takesTheBreakOnArrivalWhenItsWindowOpensDuringTheDrive() {
        Schedule s = drive(line(withBreak(35, 60)), 1, 2); // serves 1 from 10 to 30, arrives at 2 at 40
        assertEquals(new BreakTaken(1, 2, 40, 70), s.driverBreak().orElseThrow());
        assertEquals(70, s.calls().get(1).serviceStart(), 1e-9);
        assertEquals(110, s.end(), 1e-9);
    }

    @Test
    void takesTheBreakRightAfterTheServiceDuringWhichItsWindowOpens() {
        Schedule s = drive(line(withBreak(15, 60)), 1, 2); // serves 1 from 10 to 30
        assertEquals(new BreakTaken(1, 1, 30, 60), s.driverBreak().orElseThrow());
        assertEquals(60, s.calls().get(0).departure(), 1e-9);
        assertEquals(70, s.calls().get(1).arrival(), 1e-9);
    }

    @Test
    void takesTheBreakWhileWaitingForASlotAndTheSlotAbsorbsIt() {
        Problem problem = aDay().vehicle(withBreak(20, 150)).with(at(10, 0).between(100, 200).serviceTaking(10)).problem();
        Schedule s = drive(problem, 1);
        assertEquals(new BreakTaken(0, 1, 20, 50), s.driverBreak().orElseThrow());
        assertEquals(100, s.calls().get(0).serviceStart(), 1e-9);
        assertEquals(10, s.start(), 1e-9); // leaves as late as the break allows
    }

    @Test
    void takesTheBreakOnReturnIfTheRouteIsStillOutWhenItsWindowOpens() {
        Schedule s = drive(line(withBreak(75, 90)), 1, 2); // back at 80
        assertEquals(new BreakTaken(2, 0, 80, 110), s.driverBreak().orElseThrow());
        assertEquals(110, s.end(), 1e-9);
    }

    @Test
    void needsNoBreakWhenBackBeforeItsWindowOpens() {
        assertTrue(drive(line(withBreak(85, 90)), 1, 2).driverBreak().isEmpty());
    }

    @Test
    void rejectsABreakThatCanOnlyStartAfterItsWindow() {
        Problem problem = aDay().vehicle(withBreak(10, 20)).with(at(50, 0)).problem();
        RouteReplay r = replay(problem, 1);
        r.drive(problem.customers());
        assertFalse(r.onTime);
        assertTrue(r.violations().get(0).contains("starts the break at 50.0 after its latest 20.0"), r.violations().toString());
    }

    @Test
    void scalesTravelTimesByTheVehiclesTimeFactor() {
        Schedule s = drive(line(Vehicle.withCapacity(10).withTimeFactor(1.5)), 1, 2);
        assertEquals(15, s.calls().get(0).arrival(), 1e-9);
        assertEquals(50, s.calls().get(1).arrival(), 1e-9);
        assertEquals(100, s.end(), 1e-9);
        assertEquals(60, s.driveTime(), 1e-9);
        assertEquals(40, s.distance(), 1e-9);
    }

    @Test
    void startsTheClockAtTheShiftStart() {
        Schedule s = drive(line(Vehicle.withCapacity(10).withShift(100, 500)), 1, 2);
        assertEquals(100, s.start(), 1e-9);
        assertEquals(110, s.calls().get(0).arrival(), 1e-9);
    }

    @Test
    void loadsEveryDeliveryAtTheDepotAndEveryCollectionWhereItIsMade() {
        Problem problem = aDay().measuredIn("kg", "litres").vehicle(Vehicle.withCapacity(20, 20))
                .with(at(10, 0).delivering(5, 1), at(20, 0).collecting(7, 2), at(30, 0).delivering(3, 3)).problem();
        Schedule s = drive(problem, 1, 2, 3);
        assertArrayEquals(new int[] {8, 4}, s.loadAtStart());
        assertArrayEquals(new int[] {3, 3}, s.calls().get(0).loadAfter());
        assertArrayEquals(new int[] {10, 5}, s.calls().get(1).loadAfter());
        assertArrayEquals(new int[] {7, 2}, s.calls().get(2).loadAfter());
    }

    @Test
    void pricesARouteByDistanceAndByTimeFromItsStartToItsReturn() {
        Vehicle costed = Vehicle.withCapacity(10).withCost(new VehicleCost(100, 2, 0.5));
        Schedule s = drive(line(costed), 1, 2); // 40 driven, out from 0 to 80
        assertEquals(100 + 2 * 40 + 0.5 * 80, s.cost(), 1e-9);
    }
}
