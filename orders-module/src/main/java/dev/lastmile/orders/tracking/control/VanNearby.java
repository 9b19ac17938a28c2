package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.live.StopForecast;
import dev.lastmile.model.live.VanPosition;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the recipient's tracking page may show of the van: nothing until their stop is a few stops away, then the
 * number of stops before theirs and where the van is. Never the other stops' addresses, never an old position.
 */
@ApplicationScoped
public class VanNearby {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.live.map-within-stops", defaultValue = "5")
    int withinStops;

    /** A position older than this is not shown: the van may be anywhere by now. */
    @Inject
    @ConfigProperty(name = "lastmile.live.map-position-age", defaultValue = "PT10M")
    Duration freshFor;

    /** The carrier's tile server for the map, as the console's (none: the map has a plain background). */
    @Inject
    @ConfigProperty(name = "lastmile.console.tile-url")
    Optional<String> tileUrl;

    /**
     * @param van     the van's position, only within the configured number of stops
     * @param tileUrl the carrier's tile server, when one is configured and the van is shown
     */
    public record Live(String stage, int stopsBefore, Van van, String tileUrl) {
    }

    public record Van(double latitude, double longitude, String at) {
    }

    public Optional<Live> of(Parcel parcel) {
        if (parcel.status() != ParcelStatus.OUT_FOR_DELIVERY) {
            return Optional.empty();
        }
        return em.createNamedQuery(StopForecast.OF_PARCEL, StopForecast.class)
                .setParameter("trackingId", parcel.trackingId().value()).setMaxResults(1).getResultStream().findFirst()
                .map(forecast -> {
                    Van van = van(forecast);
                    return new Live(forecast.stage().name(), forecast.stopsBefore(), van,
                            van == null ? null : tileUrl.filter(url -> !url.isBlank()).orElse(null));
                });
    }

    private Van van(StopForecast forecast) {
        if (forecast.stopsBefore() > withinStops) {
            return null;
        }
        VanPosition position = em.find(VanPosition.class, forecast.routeId());
        if (position == null || position.fixedAt().isBefore(Instant.now().minus(freshFor))) {
            return null;
        }
        return new Van(position.at().latitude(), position.at().longitude(), position.fixedAt().toString());
    }
}
