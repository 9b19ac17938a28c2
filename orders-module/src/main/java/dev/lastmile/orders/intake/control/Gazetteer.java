package dev.lastmile.orders.intake.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.Postcode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Postcode to coordinates, from a CSV file the carrier provides (columns country, postcode,
 * latitude, longitude; a header line; e.g. derived from ONS Postcode Directory or OpenAddresses).
 * Only exact postcodes count: a parcel the gazetteer does not know waits for staff rather than
 * being planned at a guessed place.
 */
@ApplicationScoped
public class Gazetteer {

    private static final Logger LOG = Logger.getLogger(Gazetteer.class.getName());
    static final String BUILT_IN = "/gazetteer/demo-postcodes.csv";

    @Inject
    @ConfigProperty(name = "lastmile.gazetteer.file", defaultValue = "builtin")
    String file;

    private final Map<String, GeoPoint> places = new HashMap<>();

    @PostConstruct
    void load() {
        try (InputStream in = "builtin".equals(file) ? Gazetteer.class.getResourceAsStream(BUILT_IN)
                : Files.newInputStream(Path.of(file))) {
            read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("gazetteer " + file + " unreadable", e);
        }
        LOG.info(() -> "gazetteer " + file + ": " + places.size() + " postcodes");
    }

    void read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.readLine();
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            String line = text;
            String[] cells = line.split(",");
            if (cells.length >= 4) {
                try {
                    Postcode postcode = Postcode.of(cells[0].trim(), cells[1].trim());
                    places.put(key(postcode), new GeoPoint(Double.parseDouble(cells[2].trim()), Double.parseDouble(cells[3].trim())));
                } catch (IllegalArgumentException skipped) {
                    LOG.fine(() -> "gazetteer line skipped: " + line);
                }
            }
        }
    }

    public Optional<GeoPoint> locate(Postcode postcode) {
        return Optional.ofNullable(places.get(key(postcode)));
    }

    private static String key(Postcode postcode) {
        return postcode.country() + ":" + postcode.value();
    }
}
