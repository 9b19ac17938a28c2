package dev.lastmile.routing.distance;

import dev.lastmile.routing.planning.solver.DenseTravelMatrix;

/** Metres and seconds between every ordered pair of a list of points, as a {@link DistanceSource} computed them. */
public final class DistanceMatrix {

    private final int size;
    private final double[] metres;
    private final double[] seconds;

    /** Takes row-major {@code size x size} arrays, which the caller must not change afterwards. */
    DistanceMatrix(int size, double[] metres, double[] seconds) {
        if (metres.length != size * size || seconds.length != size * size) {
            throw new IllegalArgumentException("a matrix of " + size + " points needs " + size * size + " entries");
        }
        for (int i = 0; i < size; i++) {
            if (metres[i * size + i] != 0 || seconds[i * size + i] != 0) {
                throw new IllegalArgumentException("travel from point " + i + " to itself must be zero");
            }
        }
        this.size = size;
        this.metres = metres;
        this.seconds = seconds;
    }

    public int size() {
        return size;
    }

    public double metres(int from, int to) {
        return metres[from * size + to];
    }

    public double seconds(int from, int to) {
        return seconds[from * size + to];
    }

    /** The same numbers as the route solver reads them: distance in metres, time in seconds. */
    public DenseTravelMatrix travelMatrix() {
        return DenseTravelMatrix.of(size, this::metres, this::seconds);
    }
}
