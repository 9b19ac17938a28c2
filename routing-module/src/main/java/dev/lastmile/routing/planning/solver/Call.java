package dev.lastmile.routing.planning.solver;

import java.util.Arrays;

/**
 * The planned call at one customer.
 *
 * @param visit        the customer's {@link Visit#index()}
 * @param arrival      when the vehicle gets there
 * @param serviceStart when service starts (after waiting for the window, or after the break)
 * @param departure    when it leaves (after service, and after the break if taken right after service)
 * @param loadAfter    load on board when it leaves, per capacity dimension
 */
public record Call(int visit, double arrival, double serviceStart, double departure, int[] loadAfter) {

    public Call {
        loadAfter = loadAfter.clone();
    }

    @Override
    public int[] loadAfter() {
        return loadAfter.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call c && c.visit == visit && c.arrival == arrival && c.serviceStart == serviceStart
                && c.departure == departure && Arrays.equals(c.loadAfter, loadAfter);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(arrival) + visit;
    }

    @Override
    public String toString() {
        return "Call[" + visit + ", arrival=" + arrival + ", serviceStart=" + serviceStart + ", departure=" + departure
                + ", loadAfter=" + Arrays.toString(loadAfter) + "]";
    }
}
