package dev.lastmile.routing.distance;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.Constants;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;

/**
 * Distances and drive times along the roads of an OpenStreetMap extract, by GraphHopper. Vans and electric vans
 * drive the car network; cargo bikes ride the cycling network (cycle lanes, and no motorways), at most at their
 * speed cap. Map data © OpenStreetMap contributors, ODbL 1.0: see {@link RouteGeometry#attribution()}.
 * <p>
 * The first start with an extract imports it into a subdirectory of the graph directory (seconds for a city,
 * minutes and gigabytes of heap for a country); later starts load that. The subdirectory's name fingerprints the
 * extract and these settings, so a new extract or other speed caps import afresh, and old subdirectories may be
 * deleted by hand.
 * <p>
 * A matrix of n stops takes n one-to-many searches ({@link ShortestPathTree}), each growing from one stop until it
 * has reached all the others, rather than n² point-to-point queries: on Andorra that is about 50 ms for 100 stops
 * against 430 ms with contraction hierarchies, and the import needs no preparation for it. One tree per request
 * spans the whole graph (about 45 bytes a node), so keep the extract to the region the depots serve.
 * <p>
 * A stop farther than {@link Settings#maxSnapMetres()} from a road the vehicle may use is an error
 * ({@link StopOffRoadNetwork}), not a silent fallback to a straight line: a route through a bad geocode or a point
 * outside the extract would come with a made-up ETA, and the caller is better placed to set that parcel aside.
 * Thread-safe.
 */
public final class RoadNetworkDistances implements DistanceSource, AutoCloseable {

    /**
     * @param osmFile the OpenStreetMap extract ({@code .osm.pbf}) to route on
     * @param graphDirectory where imported graphs are kept between starts
     * @param maxSnapMetres how far a stop may be from the nearest usable road
     * @param vanMaxKmh the fastest a van or electric van is assumed to drive, whatever the road allows
     * @param cargoBikeMaxKmh the fastest a cargo bike is assumed to ride
     */
    public record Settings(Path osmFile, Path graphDirectory, double maxSnapMetres, double vanMaxKmh,
                           double cargoBikeMaxKmh) {

        public static final double DEFAULT_MAX_SNAP_METRES = 500;
        public static final double DEFAULT_VAN_MAX_KMH = 90;
        /** Pedal assistance stops at 25 km/h for EU e-bikes (EN 15194). */
        public static final double DEFAULT_CARGO_BIKE_MAX_KMH = 25;

        public Settings {
            if (!(maxSnapMetres > 0)) throw new IllegalArgumentException("maxSnapMetres must be > 0");
            if (!(vanMaxKmh > 0) || !(cargoBikeMaxKmh > 0)) throw new IllegalArgumentException("speed caps must be > 0");
        }

        public Settings(Path osmFile, Path graphDirectory) {
            this(osmFile, graphDirectory, DEFAULT_MAX_SNAP_METRES, DEFAULT_VAN_MAX_KMH, DEFAULT_CARGO_BIKE_MAX_KMH);
        }
    }

    private static final String VAN = "van";
    private static final String CARGO_BIKE = "cargo_bike";
    /** What the built-in car.json, bike.json and cargo_bike.json custom models read from each road. */
    private static final String ENCODED_VALUES = "car_access, car_average_speed, bike_access, bike_average_speed, "
            + "bike_priority, bike_road_access, roundabout, mtb_rating, hike_rating, country, road_class, surface, "
            + "track_type, get_off_bike, max_height, max_width";

    private final GraphHopper hopper;
    private final double maxSnapMetres;
    /** Built once: each custom model is compiled to bytecode. */
    private final Weighting van;
    private final Weighting cargoBike;

    private RoadNetworkDistances(GraphHopper hopper, double maxSnapMetres) {
        this.hopper = hopper;
        this.maxSnapMetres = maxSnapMetres;
        this.van = hopper.createWeighting(hopper.getProfile(VAN), new PMap());
        this.cargoBike = hopper.createWeighting(hopper.getProfile(CARGO_BIKE), new PMap());
    }

    /** Loads the graph of the extract, importing it first if no earlier start did. */
    public static RoadNetworkDistances open(Settings settings) {
        if (!Files.isReadable(settings.osmFile())) {
            throw new IllegalArgumentException("OpenStreetMap extract not readable: " + settings.osmFile());
        }
        List<Profile> profiles = List.of(
                new Profile(VAN).setCustomModel(capped(GHUtility.loadCustomModelFromJar("car.json"), settings.vanMaxKmh())),
                new Profile(CARGO_BIKE).setCustomModel(capped(CustomModel.merge(GHUtility.loadCustomModelFromJar("bike.json"),
                        GHUtility.loadCustomModelFromJar("cargo_bike.json")), settings.cargoBikeMaxKmh())));
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(settings.osmFile().toString());
        hopper.setGraphHopperLocation(graphLocation(settings, profiles).toString());
        hopper.setEncodedValuesString(ENCODED_VALUES);
        hopper.setProfiles(profiles);
        hopper.importOrLoad();
        return new RoadNetworkDistances(hopper, settings.maxSnapMetres());
    }

    private static CustomModel capped(CustomModel model, double maxKmh) {
        return model.addToSpeed(If("true", LIMIT, String.valueOf(maxKmh)));
    }

    private static Path graphLocation(Settings settings, List<Profile> profiles) {
        try {
            Path osm = settings.osmFile();
            String fingerprint = String.join("|", osm.toAbsolutePath().toString(), String.valueOf(Files.size(osm)),
                    Files.getLastModifiedTime(osm).toString(), Constants.VERSION,
                    profiles.toString());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            String name = osm.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.osm(\\.pbf)?$|\\.pbf$", "");
            return settings.graphDirectory().resolve(name + "-" + HexFormat.of().formatHex(digest, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public DistanceMatrix matrix(List<GeoPoint> points, VehicleType vehicle) {
        Legs legs = legs(points, vehicle);
        int size = points.size();
        int[] nodes = new int[size];
        for (int i = 0; i < size; i++) nodes[i] = legs.node(i);
        double[] metres = new double[size * size];
        double[] seconds = new double[size * size];
        for (int i = 0; i < size; i++) {
            ShortestPathTree tree = legs.from(i, nodes);
            for (int j = 0; j < size; j++) {
                if (i == j) continue;
                legs.check(i, j);
                metres[i * size + j] = tree.metres(nodes[j]);
                seconds[i * size + j] = tree.millis(nodes[j]) / 1000.0;
            }
        }
        return new DistanceMatrix(size, metres, seconds);
    }

    @Override
    public RouteGeometry geometry(List<GeoPoint> stops, VehicleType vehicle) {
        Legs legs = legs(stops, vehicle);
        List<GeoPoint> line = new ArrayList<>();
        double metres = 0;
        double millis = 0;
        for (int i = 1; i < stops.size(); i++) {
            int end = legs.node(i);
            ShortestPathTree tree = legs.from(i - 1, new int[] {end});
            legs.check(i - 1, i);
            PointList points = tree.path(end).calcPoints();
            for (int p = line.isEmpty() ? 0 : 1; p < points.size(); p++) {
                line.add(new GeoPoint(points.getLat(p), points.getLon(p)));
            }
            metres += tree.metres(end);
            millis += tree.millis(end);
        }
        if (line.isEmpty()) {
            Snap only = legs.snaps().get(0);
            line.add(new GeoPoint(only.getSnappedPoint().getLat(), only.getSnappedPoint().getLon()));
        }
        return new RouteGeometry(line, metres, millis / 1000, RouteGeometry.OPENSTREETMAP);
    }

    @Override
    public List<List<GeoPoint>> roadsWithin(GeoPoint southWest, GeoPoint northEast, int most) {
        BBox box = new BBox(southWest.longitude(), northEast.longitude(), southWest.latitude(), northEast.latitude());
        BaseGraph graph = hopper.getBaseGraph();
        Set<Integer> seen = new HashSet<>();
        List<List<GeoPoint>> roads = new ArrayList<>();
        // The index visits every edge of the tiles that touch the box, some more than once.
        hopper.getLocationIndex().query(box, edge -> {
            if (roads.size() < most && seen.add(edge)) {
                PointList points = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
                List<GeoPoint> line = new ArrayList<>(points.size());
                for (int i = 0; i < points.size(); i++) {
                    line.add(new GeoPoint(points.getLat(i), points.getLon(i)));
                }
                roads.add(line);
            }
        });
        return roads;
    }

    @Override
    public void close() {
        hopper.close();
    }

    private Legs legs(List<GeoPoint> points, VehicleType vehicle) {
        if (points.isEmpty()) throw new IllegalArgumentException("no points given");
        String profile = profileOf(vehicle);
        Weighting weighting = profile.equals(VAN) ? van : cargoBike;
        EdgeFilter usable = new DefaultSnapFilter(weighting,
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile)));
        List<Snap> snaps = new ArrayList<>(points.size());
        List<Integer> offRoad = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            GeoPoint point = points.get(i);
            Snap snap = hopper.getLocationIndex().findClosest(point.latitude(), point.longitude(), usable);
            if (!snap.isValid() || snap.getQueryDistance() > maxSnapMetres) offRoad.add(i);
            snaps.add(snap);
        }
        if (!offRoad.isEmpty()) {
            throw new StopOffRoadNetwork(offRoad, "none within " + maxSnapMetres + " m open to " + profile);
        }
        QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), snaps);
        return new Legs(snaps, new ShortestPathTree(graph, graph.wrapWeighting(weighting)), profile);
    }

    private static String profileOf(VehicleType vehicle) {
        return switch (vehicle) {
            case VAN, ELECTRIC_VAN -> VAN;
            case CARGO_BIKE -> CARGO_BIKE;
        };
    }

    /** The stops placed on the road network, and one search tree, grown from one stop after another. */
    private record Legs(List<Snap> snaps, ShortestPathTree tree, String profile) {

        int node(int stop) {
            return snaps.get(stop).getClosestNode();
        }

        ShortestPathTree from(int stop, int[] targets) {
            tree.grow(node(stop), targets);
            return tree;
        }

        /** After {@link #from}: refuses a leg the tree did not reach. */
        void check(int from, int to) {
            if (!tree.reached(node(to))) {
                throw new StopOffRoadNetwork(List.of(from, to),
                        "no road open to " + profile + " leads from stop " + from + " to stop " + to);
            }
        }
    }
}
