package dev.lastmile.routing.planning.control;

import dev.lastmile.model.fleet.DistanceModel;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.routing.distance.CachedDistances;
import dev.lastmile.routing.distance.DistanceSource;
import dev.lastmile.routing.distance.RoadNetworkDistances;
import dev.lastmile.routing.distance.StraightLineDistances;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The distance source each depot plans with: straight lines anywhere, or the roads of the OpenStreetMap
 * extract named by {@code lastmile.routing.osm-file} (imported once into {@code lastmile.routing.graph-dir},
 * on first use). Both keep the day's matrices in a bounded cache, so re-planning the same stops is cheap.
 */
@ApplicationScoped
public class Distances {

    @Inject
    @ConfigProperty(name = "lastmile.routing.osm-file")
    Optional<String> osmFile;

    @Inject
    @ConfigProperty(name = "lastmile.routing.graph-dir")
    Optional<String> graphDirectory;

    @Inject
    @ConfigProperty(name = "lastmile.routing.matrix-cache-entries", defaultValue = "4000000")
    long cacheEntries;

    private DistanceSource straightLines;
    private DistanceSource roads;
    private RoadNetworkDistances network;

    public synchronized DistanceSource of(DistanceModel model) {
        if (model == DistanceModel.STRAIGHT_LINE) {
            if (straightLines == null) {
                straightLines = new CachedDistances(StraightLineDistances.urban(), cacheEntries);
            }
            return straightLines;
        }
        if (roads == null) {
            Path extract = Path.of(osmFile.orElseThrow(() -> new RuleViolation("road-network-not-configured",
                    "No road network", "Set lastmile.routing.osm-file to an OpenStreetMap extract (.osm.pbf) to plan on roads.")));
            if (!Files.isRegularFile(extract)) {
                throw new RuleViolation("road-network-not-configured", "No road network", "The extract " + extract + " is missing.");
            }
            Path graphs = Path.of(graphDirectory.orElse(System.getProperty("java.io.tmpdir") + "/lastmile-graphs"));
            network = RoadNetworkDistances.open(new RoadNetworkDistances.Settings(extract, graphs));
            roads = new CachedDistances(network, cacheEntries);
        }
        return roads;
    }

    @PreDestroy
    synchronized void close() {
        if (network != null) {
            network.close();
        }
    }
}
