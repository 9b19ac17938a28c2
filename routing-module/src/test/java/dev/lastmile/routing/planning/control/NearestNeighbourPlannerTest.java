package dev.lastmile.routing.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.routing.planning.control.NearestNeighbourPlanner.Call;
import dev.lastmile.routing.planning.control.NearestNeighbourPlanner.Destination;
import dev.lastmile.routing.planning.control.NearestNeighbourPlanner.Plan;
import dev.lastmile.routing.planning.control.NearestNeighbourPlanner.Tour;
import dev.lastmile.routing.planning.control.NearestNeighbourPlanner.Van;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNeighbourPlannerTest {

    private static final GeoPoint DEPOT = new GeoPoint(51.53, -0.27);
    private static final LocalDateTime EIGHT = LocalDateTime.of(2026, 12, 1, 8, 0);

    private static Destination parcel(long id, double lat, double lon, double kg) {
        return new Destination(id, new GeoPoint(lat, lon), kg);
    }

    @Test
    void visitsTheNearestParcelFirstAndEtasIncrease() {
        Plan plan = new NearestNeighbourPlanner().plan(DEPOT, EIGHT, List.of(new Van(1, 500, 50, 25)),
                List.of(parcel(10, 51.50, -0.10, 1), parcel(11, 51.53, -0.25, 1), parcel(12, 51.52, -0.20, 1)));
        List<Call> calls = plan.tours().get(0).calls();
        assertEquals(List.of(11L, 12L, 10L), calls.stream().map(Call::parcelId).toList());
        assertTrue(calls.get(0).eta().isAfter(EIGHT));
        assertTrue(calls.get(1).eta().isAfter(calls.get(0).eta()));
        assertTrue(calls.get(2).eta().isAfter(calls.get(1).eta()));
    }

    @Test
    void neverLoadsAVanBeyondItsWeightOrParcelCount() {
        List<Destination> parcels = List.of(parcel(1, 51.51, -0.2, 30), parcel(2, 51.52, -0.2, 30),
                parcel(3, 51.53, -0.2, 30), parcel(4, 51.54, -0.2, 5), parcel(5, 51.55, -0.2, 5));
        Plan plan = new NearestNeighbourPlanner().plan(DEPOT, EIGHT,
                List.of(new Van(1, 60, 10, 25), new Van(2, 100, 2, 25)), parcels);
        for (Tour tour : plan.tours()) {
            double kg = tour.calls().stream().mapToDouble(c -> parcels.stream()
                    .filter(p -> p.parcelId() == c.parcelId()).findFirst().orElseThrow().weightKg()).sum();
            Van van = tour.vehicleId() == 1 ? new Van(1, 60, 10, 25) : new Van(2, 100, 2, 25);
            assertTrue(kg <= van.capacityKg(), "van " + tour.vehicleId() + " carries " + kg);
            assertTrue(tour.calls().size() <= van.capacityParcels());
        }
        int placed = plan.tours().stream().mapToInt(t -> t.calls().size()).sum();
        assertEquals(parcels.size(), placed + plan.unplaced().size());
    }

    @Test
    void saysWhyAParcelFoundNoPlace() {
        Plan plan = new NearestNeighbourPlanner().plan(DEPOT, EIGHT, List.of(new Van(1, 20, 1, 25)),
                List.of(parcel(1, 51.51, -0.2, 50), parcel(2, 51.52, -0.2, 5), parcel(3, 51.52, -0.15, 5)));
        assertEquals("too heavy for any vehicle", plan.unplaced().get(1L));
        assertEquals("no vehicle capacity left", plan.unplaced().get(3L));
    }
}
