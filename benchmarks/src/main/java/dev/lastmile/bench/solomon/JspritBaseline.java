package dev.lastmile.bench.solomon;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import dev.lastmile.routing.planning.solver.Problem;
import dev.lastmile.routing.planning.solver.Route;
import dev.lastmile.routing.planning.solver.Solution;
import dev.lastmile.routing.planning.solver.TravelMatrix;
import dev.lastmile.routing.planning.solver.Unassigned;
import dev.lastmile.routing.planning.solver.Visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: jsprit's default algorithm on the same {@link Problem} (same matrix, finite fleet),
 * stopped by wall-clock time. Converted back to a {@link Solution} so the same checker judges it.
 */
public final class JspritBaseline {

    private final int threads;

    public JspritBaseline(int threads) {
        this.threads = threads;
    }

    /** Looks distances and times up in our matrix, by jsprit location index. */
    private static final class MatrixCosts extends AbstractForwardVehicleRoutingTransportCosts {
        private final TravelMatrix matrix;

        MatrixCosts(TravelMatrix matrix) {
            this.matrix = matrix;
        }

        @Override
        public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
            return matrix.distance(from.getIndex(), to.getIndex());
        }

        @Override
        public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return matrix.time(from.getIndex(), to.getIndex());
        }

        @Override
        public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return matrix.distance(from.getIndex(), to.getIndex());
        }
    }

    public Solution solve(Problem problem, Duration budget) {
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance();
        Visit depot = problem.depot();
        Location depotLocation = location(depot.index());
        for (int k = 0; k < problem.fleet().size(); k++) {
            VehicleTypeImpl.Builder type = VehicleTypeImpl.Builder.newInstance("type" + k)
                    .setCostPerDistance(1).setCostPerTransportTime(0).setCostPerWaitingTime(0).setFixedCost(0);
            int[] capacity = problem.fleet().capacity(k);
            for (int d = 0; d < capacity.length; d++) type.addCapacityDimension(d, capacity[d]);
            vrp.addVehicle(VehicleImpl.Builder.newInstance(String.valueOf(k))
                    .setStartLocation(depotLocation).setReturnToDepot(true)
                    .setEarliestStart(depot.earliest()).setLatestArrival(depot.latest())
                    .setType(type.build()).build());
        }
        for (Visit c : problem.customers()) {
            Service.Builder service = Service.Builder.newInstance(String.valueOf(c.index()))
                    .setLocation(location(c.index()))
                    .setServiceTime(c.serviceTime())
                    .setTimeWindow(TimeWindow.newInstance(c.earliest(), c.latest()));
            int[] demand = c.demand();
            for (int d = 0; d < demand.length; d++) service.addSizeDimension(d, demand[d]);
            vrp.addJob(service.build());
        }
        vrp.setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        vrp.setRoutingCost(new MatrixCosts(problem.travel()));
        VehicleRoutingProblem built = vrp.build();

        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(built)
                .setProperty(Jsprit.Parameter.THREADS, String.valueOf(threads))
                .buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination time = new TimeTermination(budget.toMillis());
        algorithm.addListener(time);
        algorithm.setPrematureAlgorithmTermination(time);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        return convert(problem, best);
    }

    private static Location location(int index) {
        return Location.Builder.newInstance().setIndex(index).setId(String.valueOf(index)).build();
    }

    private static Solution convert(Problem problem, VehicleRoutingProblemSolution s) {
        TravelMatrix m = problem.travel();
        int depot = problem.depot().index();
        List<Route> routes = new ArrayList<>();
        double total = 0;
        for (VehicleRoute r : s.getRoutes()) {
            List<Integer> visits = new ArrayList<>();
            int previous = depot;
            for (TourActivity a : r.getActivities()) {
                int index = a.getLocation().getIndex();
                visits.add(index);
                total += m.distance(previous, index);
                previous = index;
            }
            if (visits.isEmpty()) continue;
            total += m.distance(previous, depot);
            routes.add(new Route(Integer.parseInt(r.getVehicle().getId()), visits));
        }
        List<Unassigned> unassigned = new ArrayList<>();
        for (Job j : s.getUnassignedJobs()) {
            unassigned.add(Unassigned.because(Integer.parseInt(j.getId()), Unassigned.Reason.NO_CAPACITY_LEFT));
        }
        return new Solution(routes, unassigned, total, total); // cost per distance 1, as configured above
    }
}
