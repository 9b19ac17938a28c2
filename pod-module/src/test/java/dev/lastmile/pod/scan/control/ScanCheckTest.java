package dev.lastmile.pod.scan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.handheld.ScanType;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.pod.scan.boundary.ScanBatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String PARCEL = TrackingId.sscc(0, "5060000", 42).value();
    private static final ScanBatch.Location AT_THE_DOOR = new ScanBatch.Location(51.52, -0.15, 6.0);

    private static List<String> fieldsRefusedIn(ScanBatch.Event event) {
        return assertThrows(InvalidRequest.class, () -> ScanCheck.check(event, NOW)).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void aLoadOutScanNeedsNoMoreThanIdsAndTime() {
        Scan scan = ScanCheck.check(new ScanBatch.Event("e1", "LOAD_OUT", PARCEL, "2026-11-25T07:55:00Z", null, null, null), NOW);
        assertEquals(ScanType.LOAD_OUT, scan.type());
    }

    @Test
    void aDeliveryToTheRecipientNeedsTheirNameSignatureAndPosition() {
        List<String> fields = fieldsRefusedIn(new ScanBatch.Event("e2", "DELIVERED", PARCEL, "2026-11-25T10:00:00Z", null,
                new ScanBatch.Delivery("RECIPIENT", null, null, null, null, null, null, null), null));
        assertTrue(fields.containsAll(List.of("location", "delivery.receivedBy", "delivery.signaturePng")), fields.toString());
    }

    @Test
    void aSafePlaceDeliveryNeedsAPhoto() {
        List<String> fields = fieldsRefusedIn(new ScanBatch.Event("e3", "DELIVERED", PARCEL, "2026-11-25T10:00:00Z",
                AT_THE_DOOR, new ScanBatch.Delivery("SAFE_PLACE", null, null, null, null, null, List.of(), null), null));
        assertEquals(List.of("delivery.photosJpeg"), fields);
    }

    @Test
    void photosAnnouncedToFollowAreTheSafePlacesPhotoUpToFiveInAll() {
        Scan scan = ScanCheck.check(new ScanBatch.Event("e6", "DELIVERED", PARCEL, "2026-11-25T10:00:00Z", AT_THE_DOOR,
                new ScanBatch.Delivery("SAFE_PLACE", null, null, null, null, null, null, 2), null), NOW);
        assertEquals(2, scan.handover().photosToFollow());
        assertEquals(List.of("delivery.photosJpeg"), fieldsRefusedIn(new ScanBatch.Event("e7", "DELIVERED", PARCEL,
                "2026-11-25T10:00:00Z", AT_THE_DOOR, new ScanBatch.Delivery("SAFE_PLACE", null, null, null, null, null,
                null, 6), null)));
        assertEquals(List.of("delivery.photosToFollow", "delivery.photosJpeg"), fieldsRefusedIn(new ScanBatch.Event("e8",
                "DELIVERED", PARCEL, "2026-11-25T10:00:00Z", AT_THE_DOOR, new ScanBatch.Delivery("SAFE_PLACE", null, null,
                null, null, null, null, -1), null)));
    }

    @Test
    void refusesAWrongCheckDigitAGpsPointOffTheGlobeAndAnUnknownReason() {
        String wrong = PARCEL.substring(0, 17) + ((PARCEL.charAt(17) - '0' + 1) % 10);
        List<String> fields = fieldsRefusedIn(new ScanBatch.Event("e4", "FAILED", wrong, "2026-11-25T10:00:00Z",
                new ScanBatch.Location(123.0, 0.0, 5.0), null, new ScanBatch.Failure("ABDUCTED_BY_ALIENS", null)));
        assertTrue(fields.containsAll(List.of("trackingId", "location", "failure.reason")), fields.toString());
    }

    @Test
    void refusesAnEventFromTheFuture() {
        assertEquals(List.of("occurredAt"), fieldsRefusedIn(new ScanBatch.Event("e5", "ARRIVED", PARCEL,
                "2026-11-25T13:00:00Z", null, null, null)));
    }
}
