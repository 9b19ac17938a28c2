package dev.lastmile.routing.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.geo.GeoPoint;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtaForecastTest {

    private static final LocalDateTime DEPARTURE = LocalDateTime.of(2026, 12, 2, 8, 0);
    /** Ten stops, 10 minutes' drive apart with 5 minutes at each: arrivals 08:10, 08:25, 08:40, ... */
    private static final List<EtaForecast.PlannedStop> STOPS = stops(10);
    private static final EtaForecast.Travel TEN_MINUTES = (from, to) -> Duration.ofMinutes(10);

    private static List<EtaForecast.PlannedStop> stops(int count) {
        List<EtaForecast.PlannedStop> stops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime eta = DEPARTURE.plusMinutes(10 + 15L * i);
            stops.add(new EtaForecast.PlannedStop(i, "P" + i, new GeoPoint(51.5, -0.1 + i * 0.01), eta, eta.plusMinutes(5)));
        }
        return stops;
    }

    @Test
    void onPlanTheForecastIsThePlan() {
        Map<String, LocalDateTime> done = Map.of("P0", STOPS.get(0).departs(), "P1", STOPS.get(1).departs());
        EtaForecast.Result result = EtaForecast.forecast(STOPS, DEPARTURE, done, null, STOPS.get(1).departs(), null, TEN_MINUTES);
        assertEquals(1.0, result.pace(), 1e-9);
        assertEquals(8, result.etas().size());
        assertEquals(STOPS.get(2).eta(), result.etas().get(0).at());
        assertEquals(STOPS.get(9).eta(), result.etas().get(7).at());
        assertEquals(0, result.etas().get(0).stopsBefore());
        assertEquals(7, result.etas().get(7).stopsBefore());
    }

    @Test
    void aSlowMorningMovesTheRestOfTheDayLaterByThePaceKept() {
        // Every leg took 1.5 times the plan: finished 08:22:30, 08:45, 09:07:30, 09:30 instead of 08:15 ... 09:00.
        Map<String, LocalDateTime> done = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            done.put("P" + i, DEPARTURE.plusSeconds(Math.round(1.5 * 15 * 60 * (i + 1))));
        }
        LocalDateTime now = done.get("P3");
        EtaForecast.Result result = EtaForecast.forecast(STOPS, DEPARTURE, done, null, now, null, TEN_MINUTES);
        assertTrue(result.pace() > 1.2 && result.pace() < 1.5, "pace " + result.pace());
        LocalDateTime next = result.etas().get(0).at();
        assertTrue(next.isAfter(now.plusMinutes(12)) && next.isBefore(now.plusMinutes(16)), "next at " + next);
        LocalDateTime last = result.etas().get(result.etas().size() - 1).at();
        assertTrue(last.isAfter(STOPS.get(9).eta().plusMinutes(45)), "the last stop is 45 minutes late or more: " + last);
    }

    @Test
    void aPositionAfterTheLastStopForecastsFromWhereTheVanIs() {
        Map<String, LocalDateTime> done = Map.of("P0", STOPS.get(0).departs());
        LocalDateTime seenAt = STOPS.get(0).departs().plusMinutes(20);
        EtaForecast.Seen seen = new EtaForecast.Seen(new GeoPoint(51.5, -0.095), seenAt);
        EtaForecast.Result result = EtaForecast.forecast(STOPS, DEPARTURE, done, seen, seenAt, null, (from, to) -> Duration.ofMinutes(3));
        assertEquals(seenAt.plusMinutes(3), result.etas().get(0).at());
    }

    @Test
    void aStopNeverComesBeforeNow() {
        LocalDateTime now = DEPARTURE.plusHours(2);
        EtaForecast.Result result = EtaForecast.forecast(STOPS, DEPARTURE, Map.of(), null, now, null, TEN_MINUTES);
        assertTrue(result.etas().stream().noneMatch(eta -> eta.at().isBefore(now)));
    }

    @Test
    void thePaceIsBoundedAndStartsAtThePlan() {
        assertEquals(1.0, EtaForecast.pace(STOPS, DEPARTURE, Map.of(), DEPARTURE), 1e-9);
        Map<String, LocalDateTime> absurd = Map.of("P0", DEPARTURE.plusHours(10));
        assertEquals(EtaForecast.SLOWEST, EtaForecast.pace(STOPS, DEPARTURE, absurd, DEPARTURE.plusHours(10)), 1e-9);
    }
}
