package dev.lastmile.routing.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lastmile.model.geo.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteGeometryTest {

    @Test
    void encodesThePolylineAsGoogleDocumentsIt() {
        RouteGeometry geometry = new RouteGeometry(List.of(new GeoPoint(38.5, -120.2), new GeoPoint(40.7, -120.95),
                new GeoPoint(43.252, -126.453)), 0, 0, "");
        assertEquals("_p~iF~ps|U_ulLnnqC_mqNvxq`@", geometry.encodedPolyline());
    }
}
