package dev.lastmile.routing.distance;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.util.ArrayUtil;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Shortest paths from one stop to many: a Dijkstra search grown from the start until it has settled every target,
 * carrying metres and milliseconds along each branch, so that a leg's length and drive time are read off the tree
 * instead of walking each path back. Its arrays span the whole graph (about 45 bytes a node) and are reused from one
 * start to the next. Not thread-safe.
 */
final class ShortestPathTree {

    private final Graph graph;
    private final Weighting weighting;
    private final EdgeExplorer outgoing;
    private final double[] weight;
    private final double[] metres;
    private final long[] millis;
    private final int[] parentEdge;
    private final boolean[] settled;
    private final MinHeapWithUpdate queue;
    private final BitSet pending;
    private final IntArrayList touched = new IntArrayList();
    private int start = -1;

    ShortestPathTree(Graph graph, Weighting weighting) {
        this.graph = graph;
        this.weighting = weighting;
        this.outgoing = graph.createEdgeExplorer();
        int nodes = graph.getNodes();
        weight = new double[nodes];
        Arrays.fill(weight, Double.POSITIVE_INFINITY);
        metres = new double[nodes];
        millis = new long[nodes];
        parentEdge = new int[nodes];
        Arrays.fill(parentEdge, EdgeIterator.NO_EDGE);
        settled = new boolean[nodes];
        queue = new MinHeapWithUpdate(nodes);
        pending = new BitSet(nodes);
    }

    /** Grows a new tree from {@code from} until every target is settled, or nothing more can be reached. */
    void grow(int from, int[] targets) {
        reset();
        start = from;
        for (int target : targets) pending.set(target);
        int remaining = pending.cardinality();
        reach(from, 0, 0, 0, EdgeIterator.NO_EDGE);
        while (remaining > 0 && !queue.isEmpty()) {
            int node = queue.poll();
            settled[node] = true;
            if (pending.get(node)) {
                pending.clear(node);
                remaining--;
            }
            EdgeIterator edge = outgoing.setBaseNode(node);
            while (edge.next()) {
                int next = edge.getAdjNode();
                if (settled[next]) continue;
                double w = weighting.calcEdgeWeight(edge, false);
                if (Double.isInfinite(w) || weight[node] + w >= weight[next]) continue;
                reach(next, weight[node] + w, metres[node] + edge.getDistance(),
                        millis[node] + weighting.calcEdgeMillis(edge, false), edge.getEdge());
            }
        }
    }

    boolean reached(int node) {
        return settled[node];
    }

    double metres(int node) {
        return metres[node];
    }

    long millis(int node) {
        return millis[node];
    }

    /** The path from the start to a reached node, with the edges it runs along. */
    Path path(int to) {
        Path path = new Path(graph);
        for (int node = to; parentEdge[node] != EdgeIterator.NO_EDGE; ) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(parentEdge[node], node);
            path.addEdge(edge.getEdge());
            node = edge.getBaseNode();
        }
        ArrayUtil.reverse(path.getEdges());
        return path.setFromNode(start).setEndNode(to).setDistance(metres[to]).setTime(millis[to]).setFound(true);
    }

    private void reach(int node, double w, double m, long ms, int viaEdge) {
        if (weight[node] == Double.POSITIVE_INFINITY) {
            touched.add(node);
            queue.push(node, (float) w);
        } else {
            queue.update(node, (float) w);
        }
        weight[node] = w;
        metres[node] = m;
        millis[node] = ms;
        parentEdge[node] = viaEdge;
    }

    private void reset() {
        for (int i = 0; i < touched.size(); i++) {
            int node = touched.get(i);
            weight[node] = Double.POSITIVE_INFINITY;
            parentEdge[node] = EdgeIterator.NO_EDGE;
            settled[node] = false;
        }
        touched.clear();
        queue.clear();
        pending.clear();
    }
}
