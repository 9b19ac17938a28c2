package dev.lastmile.pod.position.control;

import dev.lastmile.model.live.VanPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routes whose vans moved, waiting for their forecast. Positions come every few seconds from every van; a
 * forecast per fix inside the upload would cost more than the fix itself, so each route is forecast at most every
 * {@code lastmile.live.forecast-every} from its latest committed fix, by {@link ForecastTimer}, off the request.
 * A stop done is forecast at once, in its upload. Per instance: each forecasts the routes whose fixes it took.
 */
@ApplicationScoped
public class ForecastQueue {

    @Inject
    @ConfigProperty(name = "lastmile.live.forecast-every", defaultValue = "PT60S")
    Duration every;

    private final Map<Long, Instant> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastForecast = new ConcurrentHashMap<>();

    void moved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PositionIngestion.VansMoved vans) {
        for (VanPosition position : vans.positions()) {
            Instant last = lastForecast.get(position.routeId());
            if (last == null || !position.fixedAt().isBefore(last.plus(every))) {
                waiting.merge(position.routeId(), position.fixedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    /** Takes what waits; each route taken counts as forecast at its fix's time. */
    Map<Long, Instant> drain() {
        Map<Long, Instant> taken = new HashMap<>();
        for (Long routeId : waiting.keySet()) {
            Instant at = waiting.remove(routeId);
            if (at != null) {
                taken.put(routeId, at);
                lastForecast.put(routeId, at);
            }
        }
        if (lastForecast.size() > 50_000) {
            // Mostly yesterday's routes: forgetting them costs at most one early forecast per route.
            lastForecast.clear();
        }
        return taken;
    }
}
