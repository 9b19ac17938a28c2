package dev.lastmile.routing.planning.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The {@link Problem} copied into flat primitive arrays indexed by stop index, so the
 * search loop does no boxing, no interface calls and no bounds-heavy lookups.
 */
final class FlatProblem {
    final int size;          // matrix size: stop indices are 0..size-1
    final int depot;
    final int[] customers;   // the customers some vehicle can serve on its own: the search works on these
    final int[] unservable;  // too heavy for every vehicle or unreachable in time even alone
    final int dims;
    final int[] demand;      // [stop * dims + d]
    final int[] totalDemand; // sum over dimensions, used only to order insertions
    final double[] earliest;
    final double[] latest;
    final double[] service;
    final double[] distance; // [from * size + to]
    final double[] time;
    final int vehicles;
    final int[] capacity;    // [vehicle * dims + d]
    final int[] vehicleClass; // vehicles with equal capacity share a class: trying one empty one suffices
    final int[][] neighbours; // per customer: all customers by increasing distance, itself first

    FlatProblem(Problem p) {
        TravelMatrix m = p.travel();
        size = m.size();
        depot = p.depot().index();
        dims = p.dimensions();
        demand = new int[size * dims];
        totalDemand = new int[size];
        earliest = new double[size];
        latest = new double[size];
        service = new double[size];
        for (Visit v : p.customers()) copyVisit(v);
        copyVisit(p.depot());
        distance = new double[size * size];
        time = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                distance[i * size + j] = m.distance(i, j);
                time[i * size + j] = m.time(i, j);
            }
        }
        vehicles = p.fleet().size();
        capacity = new int[vehicles * dims];
        vehicleClass = new int[vehicles];
        for (int k = 0; k < vehicles; k++) {
            for (int d = 0; d < dims; d++) capacity[k * dims + d] = p.fleet().capacity(k, d);
            vehicleClass[k] = k;
            for (int other = 0; other < k; other++) {
                if (Arrays.equals(p.fleet().capacity(k), p.fleet().capacity(other))) {
                    vehicleClass[k] = vehicleClass[other];
                    break;
                }
            }
        }
        int[] all = p.customers().stream().mapToInt(Visit::index).toArray();
        customers = IntStream.of(all).filter(this::servableAlone).toArray();
        unservable = IntStream.of(all).filter(c -> !servableAlone(c)).toArray();
        neighbours = new int[size][];
        for (int c : customers) {
            neighbours[c] = IntStream.of(customers).boxed()
                    .sorted(Comparator.comparingDouble((Integer o) -> o == c ? -1 : distance[c * size + o]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    private boolean servableAlone(int c) {
        double serviceStart = Math.max(earliest[depot] + service[depot] + time(depot, c), earliest[c]);
        if (serviceStart > latest[c] + Tour.EPS) return false;
        if (serviceStart + service[c] + time(c, depot) > latest[depot] + Tour.EPS) return false;
        for (int k = 0; k < vehicles; k++) {
            boolean fits = true;
            for (int d = 0; d < dims; d++) fits &= demand[c * dims + d] <= capacity[k * dims + d];
            if (fits) return true;
        }
        return false;
    }

    private void copyVisit(Visit v) {
        int i = v.index();
        for (int d = 0; d < dims; d++) {
            demand[i * dims + d] = v.demand(d);
            totalDemand[i] += v.demand(d);
        }
        earliest[i] = v.earliest();
        latest[i] = v.latest();
        service[i] = v.serviceTime();
    }

    double distance(int from, int to) {
        return distance[from * size + to];
    }

    double time(int from, int to) {
        return time[from * size + to];
    }
}
