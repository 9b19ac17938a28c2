package dev.lastmile.model.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void measuresLondonToParisAsAbout344Kilometres() {
        double km = new GeoPoint(51.5074, -0.1278).kilometresTo(new GeoPoint(48.8566, 2.3522));
        assertEquals(343.5, km, 1.5);
    }

    @Test
    void refusesCoordinatesOffTheGlobe() {
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(91, 0));
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, -181));
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(Double.NaN, 0));
    }
}
