package dev.lastmile.routing.planning.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One vehicle's route during search, with the schedule data that make insertion checks O(1):
 * {@code start[p]} and {@code leave[p]} are the earliest service start at and departure from
 * position p given its predecessors, and {@code latestStart[p]} the latest service start at p that
 * still keeps all successors feasible. Positions 0 and {@code size + 1} are the depot.
 *
 * <p>For a vehicle with a {@link DriverBreak}, the schedule follows the break rule described
 * there. Once the break is behind a position, what follows has no break and the O(1) check is
 * exact; inserting before the break replays the stops up to where the break then falls, and
 * checks the rest in O(1).
 */
final class Tour {
    /** Slack for floating-point comparisons; matches {@link RouteChecker#TOLERANCE}. */
    static final double EPS = 1e-7;
    /** {@link #breakPosition} of a vehicle without break: nothing is ever pending. */
    private static final int NO_BREAK = -1;
    /** {@link #breakPosition} while the route ends before the break window opens. */
    private static final int NOT_TAKEN = Integer.MAX_VALUE;

    final int vehicle;
    private final FlatProblem p;
    final int[] nodes;
    int size;
    final double[] start;
    final double[] leave;
    final double[] latestStart;
    final LoadProfile load;
    private final int[] roomAtStart; // the load profile's, held here for the hot path
    double distance;
    double routeStart; // as late as possible without moving any service or the break
    double cost;

    private final double departEarliest;
    private final double returnLatest;
    private final double maxDistance;
    final double timeFactor;
    final VehicleCost rates;
    final double fixedCost;
    final double costPerDistance;
    final double costPerTime;
    private final boolean hasBreak;
    private final double breakEarliest;
    private final double breakLatest;
    private final double breakDuration;

    private boolean suspect;            // see suspect()
    private int breakPosition;          // where the break is taken: 0..size+1, or NO_BREAK / NOT_TAKEN
    private boolean breakAfterService;  // at breakPosition, after serving it rather than before
    private double breakStart;

    // Results of the last step(): the rule applied at one stop.
    private double stepServiceStart;
    private double stepBreakStart;      // NaN when the break did not start at that stop
    private boolean stepBreakAfterService;

    Tour(FlatProblem p, int vehicle) {
        this.p = p;
        this.vehicle = vehicle;
        int positions = p.size + 1; // every customer plus the depot at both ends
        nodes = new int[positions];
        start = new double[positions];
        leave = new double[positions];
        latestStart = new double[positions];
        load = new LoadProfile(p, vehicle, positions);
        roomAtStart = load.roomAtStart;
        departEarliest = p.departEarliest[vehicle];
        returnLatest = p.returnLatest[vehicle];
        maxDistance = p.maxDistance[vehicle];
        timeFactor = p.timeFactor[vehicle];
        rates = p.cost[vehicle];
        fixedCost = rates.fixed();
        costPerDistance = rates.perDistance();
        costPerTime = rates.perTime();
        DriverBreak rest = p.driverBreak[vehicle];
        hasBreak = rest != null;
        breakEarliest = hasBreak ? rest.earliestStart() : 0;
        breakLatest = hasBreak ? rest.latestStart() : 0;
        breakDuration = hasBreak ? rest.duration() : 0;
        nodes[0] = p.depot;
        nodes[1] = p.depot;
        update(null, null);
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean feasible() {
        return onTime() && withinRange();
    }

    /** Time windows, shift, depot hours and break window hold. */
    boolean onTime() {
        for (int i = 1; i <= size; i++) {
            if (start[i] > p.latest[nodes[i]] + EPS) return false;
        }
        boolean breakLate = breakPosition != NO_BREAK && breakPosition != NOT_TAKEN && breakStart > breakLatest + EPS;
        return leave[size + 1] <= returnLatest + EPS && !breakLate;
    }

    boolean withinRange() {
        return distance <= maxDistance + EPS;
    }

    /**
     * Whether {@code c}'s load fits on top of the tour's deliveries and collections: necessary for
     * every position, and enough when no customer collects.
     */
    boolean fits(int c) {
        int dims = p.dims;
        int at = c * dims;
        for (int d = 0; d < dims; d++) {
            if (p.demand[at + d] > roomAtStart[d]) return false;
        }
        return !p.hasPickups || load.fitsCollection(c);
    }

    /**
     * Whether range, load and time allow inserting {@code c}, which {@link #fits}, before position
     * {@code pos} (1..size+1), {@code detour} being the extra distance: {@code c} must start by its
     * latest time and push the successor no later than its latest start.
     */
    boolean canInsert(int c, int pos, double detour) {
        if (distance + detour > maxDistance + EPS) return false;
        if (p.hasPickups && !load.fitsBefore(c, pos)) return false;
        double arrival = leave[pos - 1] + travel(nodes[pos - 1], c);
        double serviceStart = Math.max(arrival, p.earliest[c]);
        if (serviceStart > p.latest[c] + EPS) return false;
        double nextArrival = serviceStart + p.service[c] + travel(c, nodes[pos]);
        if (nextArrival > latestStart[pos] + EPS) return false; // a break still to come only delays
        return breakPosition < pos || fitsBreak(c, pos, arrival);
    }

    /** Replays from {@code c} until the break falls; from there on the O(1) test is exact again. */
    private boolean fitsBreak(int c, int pos, double arrival) {
        double t = step(c, arrival, true);
        if (stepServiceStart > p.latest[c] + EPS) return false;
        int previous = c;
        int i = pos;
        while (Double.isNaN(stepBreakStart)) {
            if (i > size) {
                double back = returnWith(t + travel(previous, p.depot), true);
                return back <= returnLatest + EPS && !(stepBreakStart > breakLatest + EPS);
            }
            int node = nodes[i];
            t = step(node, t + travel(previous, node), true);
            if (stepServiceStart > p.latest[node] + EPS) return false;
            previous = node;
            i++;
        }
        return stepBreakStart <= breakLatest + EPS && t + travel(previous, nodes[i]) <= latestStart[i] + EPS;
    }

    void insert(int c, int pos, int[] tourOf, int[] positionOf) {
        System.arraycopy(nodes, pos, nodes, pos + 1, size + 2 - pos);
        nodes[pos] = c;
        size++;
        update(tourOf, positionOf);
    }

    /**
     * Removes positions {@code from..to-1} without refreshing the schedule (call {@link #update}).
     * Cuts of one tour between two updates must come latest first.
     */
    void cut(int from, int to, int[] tourOf) {
        if (!suspect) suspect = hasBreak || !shortcutKeepsRules(from, to);
        for (int i = from; i < to; i++) tourOf[nodes[i]] = -1;
        System.arraycopy(nodes, to, nodes, from, size + 2 - to);
        size -= to - from;
    }

    /**
     * Whether going straight from before the cut to after it gets there no later and no further
     * than the way round; then the rest of the tour cannot get later either (without a break,
     * the schedule is monotone), so no rule can break. Holds whenever the triangle inequality does.
     */
    private boolean shortcutKeepsRules(int from, int to) {
        int before = nodes[from - 1];
        int after = nodes[to];
        double roundabout = 0;
        for (int i = from - 1; i < to; i++) roundabout += p.distance(nodes[i], nodes[i + 1]);
        return leave[from - 1] + travel(before, after) <= leave[to - 1] + travel(nodes[to - 1], after) + EPS
                && p.distance(before, after) <= roundabout + EPS;
    }

    /** Whether a removal since the last {@link #settle()} may have broken a rule, so that {@link #feasible()} must be asked. */
    boolean suspect() {
        return suspect;
    }

    /** The tour is known to keep every rule. */
    void settle() {
        suspect = false;
    }

    /** Replaces the customer sequence (used to roll back a rejected move). */
    void restore(int[] saved, int savedSize, int[] tourOf, int[] positionOf) {
        suspect = false;
        System.arraycopy(saved, 0, nodes, 0, savedSize + 2);
        size = savedSize;
        update(tourOf, positionOf);
    }

    /** Recomputes load, distance, both schedule passes and cost; registers node positions if maps given. */
    void update(int[] tourOf, int[] positionOf) {
        int last = size + 1;
        nodes[last] = p.depot;
        load.clear();
        if (hasBreak) {
            forwardWithBreak(tourOf, positionOf);
        } else {
            forward(tourOf, positionOf);
        }
        load.update(nodes, size);
        latestStart[last] = returnLatest;
        for (int i = size; i >= 0; i--) {
            int node = nodes[i];
            latestStart[i] = Math.min(p.latest[node], latestStart[i + 1] - travel(node, nodes[i + 1]) - p.service[node]);
        }
        price();
    }

    /** Registers each customer's position, adds up its load and runs the schedule forward. */
    private void forward(int[] tourOf, int[] positionOf) {
        breakPosition = NO_BREAK;
        start[0] = departEarliest;
        leave[0] = departEarliest + p.service[p.depot];
        double dist = 0;
        double departure = leave[0];
        for (int i = 1; i <= size; i++) {
            int prev = nodes[i - 1];
            int node = nodes[i];
            dist += p.distance(prev, node);
            double s = Math.max(departure + travel(prev, node), p.earliest[node]);
            start[i] = s;
            departure = s + p.service[node];
            leave[i] = departure;
            register(node, i, tourOf, positionOf);
        }
        int lastStop = nodes[size];
        distance = dist + p.distance(lastStop, p.depot);
        start[size + 1] = departure + travel(lastStop, p.depot);
        leave[size + 1] = start[size + 1];
    }

    private void forwardWithBreak(int[] tourOf, int[] positionOf) {
        int last = size + 1;
        breakPosition = NOT_TAKEN;
        double dist = 0;
        double arrival = departEarliest;
        for (int i = 0; i < last; i++) {
            int node = nodes[i];
            if (i > 0) {
                dist += p.distance(nodes[i - 1], node);
                arrival = leave[i - 1] + travel(nodes[i - 1], node);
            }
            leave[i] = step(node, arrival, breakPosition == NOT_TAKEN);
            start[i] = stepServiceStart;
            if (!Double.isNaN(stepBreakStart)) takeBreak(i, stepBreakAfterService);
            if (i > 0) register(node, i, tourOf, positionOf);
        }
        int lastStop = nodes[size];
        distance = dist + p.distance(lastStop, p.depot);
        start[last] = returnWith(leave[size] + travel(lastStop, p.depot), breakPosition == NOT_TAKEN);
        leave[last] = start[last];
        if (!Double.isNaN(stepBreakStart)) takeBreak(last, false);
    }

    private void register(int node, int position, int[] tourOf, int[] positionOf) {
        load.add(node);
        if (tourOf == null) return;
        tourOf[node] = vehicle;
        positionOf[node] = position;
    }

    private void takeBreak(int position, boolean afterService) {
        breakPosition = position;
        breakAfterService = afterService;
        breakStart = stepBreakStart;
    }

    /**
     * The {@link DriverBreak} rule at one stop reached at {@code arrival}: returns the departure
     * and sets the step results. With the break {@code pending}, it starts as soon as the window
     * is open and the driver is not serving: on arrival or while waiting if the service would
     * start in the window, else right after service if that ends in it.
     */
    private double step(int node, double arrival, boolean pending) {
        double serviceStart = Math.max(arrival, p.earliest[node]);
        stepBreakStart = Double.NaN;
        if (pending && serviceStart >= breakEarliest) {
            stepBreakStart = Math.max(arrival, breakEarliest);
            stepBreakAfterService = false;
            serviceStart = Math.max(stepBreakStart + breakDuration, p.earliest[node]);
        }
        stepServiceStart = serviceStart;
        double end = serviceStart + p.service[node];
        if (pending && Double.isNaN(stepBreakStart) && end >= breakEarliest) {
            stepBreakStart = end;
            stepBreakAfterService = true;
            end += breakDuration;
        }
        return end;
    }

    /** The same rule on return to the depot: the route ends after the break if it is still due. */
    private double returnWith(double arrival, boolean pending) {
        stepBreakStart = pending && arrival >= breakEarliest ? arrival : Double.NaN;
        return Double.isNaN(stepBreakStart) ? arrival : arrival + breakDuration;
    }

    /**
     * Sets the start of the route as late as possible without moving the first fixed moment (the
     * first service, or a break taken on arriving at the first stop), then the cost.
     */
    private void price() {
        if (size == 0) {
            routeStart = departEarliest;
            cost = 0;
            return;
        }
        if (breakPosition == 0) {
            routeStart = departEarliest;
        } else {
            double firstFixed = breakPosition == 1 && !breakAfterService ? breakStart : start[1];
            double latest = firstFixed - travel(p.depot, nodes[1]) - p.service[p.depot];
            routeStart = Math.max(departEarliest, latest);
        }
        cost = rates.of(distance, leave[size + 1] - routeStart);
    }

    private double travel(int from, int to) {
        return p.time(from, to) * timeFactor;
    }

    /** The timetable, as the solution reports it. */
    Schedule schedule() {
        int dims = p.dims;
        int[] onBoard = load.atStart.clone();
        List<Call> calls = new ArrayList<>(size);
        double driveTime = 0;
        for (int i = 1; i <= size + 1; i++) driveTime += travel(nodes[i - 1], nodes[i]);
        double departure = breakPosition == 0 ? leave[0] : routeStart + p.service[p.depot];
        for (int i = 1; i <= size; i++) {
            int node = nodes[i];
            double arrival = (i == 1 ? departure : leave[i - 1]) + travel(nodes[i - 1], node);
            for (int d = 0; d < dims; d++) onBoard[d] += p.pickup[node * dims + d] - p.demand[node * dims + d];
            calls.add(new Call(node, arrival, start[i], leave[i], onBoard));
        }
        return new Schedule(routeStart, load.atStart, calls, leave[size + 1], breakTaken(), distance, driveTime, cost);
    }

    private Optional<BreakTaken> breakTaken() {
        if (breakPosition == NO_BREAK || breakPosition == NOT_TAKEN) return Optional.empty();
        int callsBefore = breakPosition == size + 1 ? size : breakAfterService ? breakPosition : Math.max(0, breakPosition - 1);
        return Optional.of(new BreakTaken(callsBefore, nodes[breakPosition], breakStart, breakStart + breakDuration));
    }
}
