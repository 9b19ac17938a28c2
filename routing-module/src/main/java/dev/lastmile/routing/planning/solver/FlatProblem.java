package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The {@link Problem} copied into flat primitive arrays indexed by stop index and vehicle, so the
 * search loop does no boxing, no interface calls and no bounds-heavy lookups.
 */
final class FlatProblem {
    final int size;          // matrix size: stop indices are 0..size-1
    final int depot;
    final int dims;
    final int[] demand;      // delivered: [stop * dims + d]
    final int[] pickup;      // collected: [stop * dims + d]
    final boolean hasPickups;
    final int[] totalDemand; // delivery plus pickup over all dimensions, used only to order insertions
    final double[] earliest;
    final double[] latest;
    final double[] service;
    final double[] distance; // [from * size + to]
    final double[] time;
    final boolean fewestVehicles;

    final int vehicles;
    final int[] capacity;    // [vehicle * dims + d]
    final double[] departEarliest; // shift start and depot opening, whichever is later
    final double[] returnLatest;   // shift end and depot closing, whichever is earlier
    final double[] maxDistance;
    final double[] timeFactor;
    final DriverBreak[] driverBreak; // null for vehicles without one
    final VehicleCost[] cost;
    final int[] vehicleClass;  // equal vehicles share a class: trying one empty one suffices
    final int classes;

    final int[] customers;     // the customers some vehicle can serve on its own: the search works on these
    final List<Unassigned> unservable; // the others, with the reason
    private final boolean[] servesAlone; // [class * size + stop]: that class can serve that customer on its own
    final int[][] neighbours;  // per customer: all customers by increasing distance, itself first

    FlatProblem(Problem p) {
        TravelMatrix m = p.travel();
        size = m.size();
        depot = p.depot().index();
        dims = p.dimensions();
        demand = new int[size * dims];
        pickup = new int[size * dims];
        totalDemand = new int[size];
        earliest = new double[size];
        latest = new double[size];
        service = new double[size];
        for (Visit v : p.customers()) copyVisit(v);
        copyVisit(p.depot());
        hasPickups = IntStream.of(pickup).anyMatch(q -> q > 0);
        distance = new double[size * size];
        time = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                distance[i * size + j] = m.distance(i, j);
                time[i * size + j] = m.time(i, j);
            }
        }
        fewestVehicles = p.objective() == Objective.FEWEST_VEHICLES_THEN_COST;

        Fleet fleet = p.fleet();
        vehicles = fleet.size();
        capacity = new int[vehicles * dims];
        departEarliest = new double[vehicles];
        returnLatest = new double[vehicles];
        maxDistance = new double[vehicles];
        timeFactor = new double[vehicles];
        driverBreak = new DriverBreak[vehicles];
        cost = new VehicleCost[vehicles];
        vehicleClass = new int[vehicles];
        int classCount = 0;
        for (int k = 0; k < vehicles; k++) {
            Vehicle v = fleet.vehicle(k);
            for (int d = 0; d < dims; d++) capacity[k * dims + d] = v.capacity(d);
            departEarliest[k] = Math.max(earliest[depot], v.shiftStart());
            returnLatest[k] = Math.min(latest[depot], v.shiftEnd());
            maxDistance[k] = v.maxDistance();
            timeFactor[k] = v.timeFactor();
            driverBreak[k] = v.driverBreak().orElse(null);
            cost[k] = v.cost();
            vehicleClass[k] = classCount;
            for (int other = 0; other < k; other++) {
                if (v.equals(fleet.vehicle(other))) {
                    vehicleClass[k] = vehicleClass[other];
                    break;
                }
            }
            if (vehicleClass[k] == classCount) classCount++;
        }
        classes = classCount;

        servesAlone = new boolean[classes * size];
        List<Unassigned> out = new ArrayList<>();
        List<Integer> in = new ArrayList<>();
        Tour[] trial = new Tour[classes];
        for (int k = vehicles - 1; k >= 0; k--) trial[vehicleClass[k]] = new Tour(this, k);
        for (Visit v : p.customers()) {
            Optional<Unassigned> reason = classify(v.index(), trial, p.fleet().dimensionNames());
            if (reason.isPresent()) {
                out.add(reason.get());
            } else {
                in.add(v.index());
            }
        }
        customers = in.stream().mapToInt(Integer::intValue).toArray();
        unservable = List.copyOf(out);
        neighbours = new int[size][];
        for (int c : customers) {
            neighbours[c] = IntStream.of(customers).boxed()
                    .sorted(Comparator.comparingDouble((Integer o) -> o == c ? -1 : distance[c * size + o]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Tries {@code c} on a route of its own with one vehicle of each class and records which can
     * serve it. Returns why none can (see {@link Unassigned.Reason} for the order of the checks).
     */
    private Optional<Unassigned> classify(int c, Tour[] trial, List<String> dimensionNames) {
        boolean carried = false;
        boolean inTime = false;
        boolean served = false;
        for (Tour t : trial) {
            if (!carries(t.vehicle, c)) continue;
            carried = true;
            t.nodes[1] = c;
            t.size = 1;
            t.update(null, null);
            if (!t.onTime()) continue;
            inTime = true;
            if (t.withinRange()) {
                servesAlone[vehicleClass[t.vehicle] * size + c] = true;
                served = true;
            }
        }
        if (!carried) return Optional.of(new Unassigned(c, Unassigned.Reason.TOO_HEAVY, exceeded(c, dimensionNames)));
        if (!inTime) return Optional.of(Unassigned.because(c, Unassigned.Reason.SLOT_UNREACHABLE));
        if (!served) return Optional.of(Unassigned.because(c, Unassigned.Reason.OUT_OF_RANGE));
        return Optional.empty();
    }

    /** Whether vehicle {@code k} has room for what {@code c} delivers and for what it collects. */
    private boolean carries(int k, int c) {
        for (int d = 0; d < dims; d++) {
            int room = capacity[k * dims + d];
            if (demand[c * dims + d] > room || pickup[c * dims + d] > room) return false;
        }
        return true;
    }

    /** The dimensions in which {@code c} exceeds every vehicle, or if there are none, those in which it exceeds some. */
    private List<String> exceeded(int c, List<String> names) {
        List<String> everywhere = new ArrayList<>();
        List<String> somewhere = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            int load = Math.max(demand[c * dims + d], pickup[c * dims + d]);
            int largest = 0;
            int smallest = Integer.MAX_VALUE;
            for (int k = 0; k < vehicles; k++) {
                largest = Math.max(largest, capacity[k * dims + d]);
                smallest = Math.min(smallest, capacity[k * dims + d]);
            }
            if (load > largest) everywhere.add(names.get(d));
            if (load > smallest) somewhere.add(names.get(d));
        }
        return everywhere.isEmpty() ? somewhere : everywhere;
    }

    private void copyVisit(Visit v) {
        int i = v.index();
        for (int d = 0; d < dims; d++) {
            demand[i * dims + d] = v.demand(d);
            pickup[i * dims + d] = v.pickup(d);
            totalDemand[i] += v.demand(d) + v.pickup(d);
        }
        earliest[i] = v.earliest();
        latest[i] = v.latest();
        service[i] = v.serviceTime();
    }

    /** Whether a vehicle of this class can serve {@code c} on a route of its own. */
    boolean servesAlone(int vehicleClass, int c) {
        return servesAlone[vehicleClass * size + c];
    }

    double distance(int from, int to) {
        return distance[from * size + to];
    }

    double time(int from, int to) {
        return time[from * size + to];
    }
}
