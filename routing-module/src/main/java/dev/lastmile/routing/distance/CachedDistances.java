package dev.lastmile.routing.distance;

import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the matrices most recently asked for, so that planning a depot's day again (after a parcel is added or a
 * van breaks down, say) does not recompute the same matrix. A matrix is found again only for the same points in the
 * same order and the same kind of vehicle. The cache is bounded by matrix entries, not by matrices: one matrix of
 * 2,000 stops has four million entries (64 MB), as many as 400 matrices of 100 stops.
 * Two threads that ask for the same missing matrix at once both compute it.
 */
public final class CachedDistances implements DistanceSource {

    private record Key(List<GeoPoint> points, VehicleType vehicle) {
    }

    private final DistanceSource source;
    private final long maxEntries;
    private final LinkedHashMap<Key, DistanceMatrix> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long entries;
    private long hits;
    private long misses;

    /** @param maxEntries the most matrix entries (point pairs) to keep, over all matrices */
    public CachedDistances(DistanceSource source, long maxEntries) {
        if (maxEntries < 1) throw new IllegalArgumentException("the cache must hold at least one entry");
        this.source = source;
        this.maxEntries = maxEntries;
    }

    @Override
    public DistanceMatrix matrix(List<GeoPoint> points, VehicleType vehicle) {
        Key key = new Key(List.copyOf(points), vehicle);
        synchronized (this) {
            DistanceMatrix known = recent.get(key);
            if (known != null) {
                hits++;
                return known;
            }
            misses++;
        }
        DistanceMatrix computed = source.matrix(key.points(), vehicle);
        keep(key, computed);
        return computed;
    }

    /** Geometries are asked for once per route shown, and are not kept. */
    @Override
    public RouteGeometry geometry(List<GeoPoint> stops, VehicleType vehicle) {
        return source.geometry(stops, vehicle);
    }

    /** Matrices served from the cache so far. */
    @Override
    public List<List<GeoPoint>> roadsWithin(GeoPoint southWest, GeoPoint northEast, int most) {
        return source.roadsWithin(southWest, northEast, most);
    }

    public synchronized long hits() {
        return hits;
    }

    /** Matrices the underlying source had to compute so far. */
    public synchronized long misses() {
        return misses;
    }

    private synchronized void keep(Key key, DistanceMatrix matrix) {
        long size = (long) matrix.size() * matrix.size();
        if (size > maxEntries) return;
        DistanceMatrix replaced = recent.put(key, matrix);
        entries += size - (replaced == null ? 0 : size);
        Iterator<Map.Entry<Key, DistanceMatrix>> oldestFirst = recent.entrySet().iterator();
        while (entries > maxEntries) {
            DistanceMatrix evicted = oldestFirst.next().getValue();
            oldestFirst.remove();
            entries -= (long) evicted.size() * evicted.size();
        }
    }
}
