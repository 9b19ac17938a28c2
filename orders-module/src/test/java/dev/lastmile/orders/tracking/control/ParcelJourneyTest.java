package dev.lastmile.orders.tracking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParcelJourneyTest {

    @Test
    void theTimelineShowsOnlyTheInitialsOfWhoReceivedTheParcel() {
        assertEquals("A. L.", ParcelJourney.initialsOf(" ada  Lovelace "));
        assertEquals("N.", ParcelJourney.initialsOf("Neighbour"));
    }
}
