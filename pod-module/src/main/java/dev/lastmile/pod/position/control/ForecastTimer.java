package dev.lastmile.pod.position.control;

import dev.lastmile.model.event.RouteProgressed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every two seconds, the moved routes' forecasts, each in its own transaction: one failing spoils no other. */
@Singleton
public class ForecastTimer {

    private static final Logger LOG = Logger.getLogger(ForecastTimer.class.getName());

    @Inject
    ForecastQueue queue;

    @Inject
    PositionForecast forecast;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        queue.drain().forEach((routeId, at) -> {
            try {
                forecast.of(new RouteProgressed(routeId, at, RouteProgressed.Cause.POSITION));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "forecast of route " + routeId + " failed; its next fix tries again", e);
            }
        });
    }
}
