package dev.lastmile.routing.planning.solver;

/** A {@link TravelMatrix} backed by two row-major {@code size x size} arrays. */
public final class DenseTravelMatrix implements TravelMatrix {

    /** Computes the entry for one ordered pair of stops. */
    @FunctionalInterface
    public interface PairFunction {
        double apply(int from, int to);
    }

    private final int size;
    private final double[] distances;
    private final double[] times;

    private DenseTravelMatrix(int size, double[] distances, double[] times) {
        this.size = size;
        this.distances = distances;
        this.times = times;
    }

    /** Builds a matrix whose travel time equals distance (as in the Solomon benchmark). */
    public static DenseTravelMatrix timeEqualsDistance(int size, PairFunction distance) {
        double[] d = fill(size, distance);
        return new DenseTravelMatrix(size, d, d);
    }

    public static DenseTravelMatrix of(int size, PairFunction distance, PairFunction time) {
        return new DenseTravelMatrix(size, fill(size, distance), fill(size, time));
    }

    /** Copies square {@code double[size][size]} arrays. */
    public static DenseTravelMatrix of(double[][] distance, double[][] time) {
        int n = distance.length;
        if (time.length != n) throw new IllegalArgumentException("distance and time sizes differ");
        return of(n, (i, j) -> distance[i][j], (i, j) -> time[i][j]);
    }

    private static double[] fill(int size, PairFunction f) {
        double[] a = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double v = f.apply(i, j);
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("entry (" + i + "," + j + ") must be finite and >= 0: " + v);
                }
                a[i * size + j] = v;
            }
        }
        return a;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double distance(int from, int to) {
        return distances[from * size + to];
    }

    @Override
    public double time(int from, int to) {
        return times[from * size + to];
    }
}
