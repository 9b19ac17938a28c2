package dev.lastmile.partners.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.handoff.PartnerStatus;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.proof.DeliveryMethod;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String TRACKING = TrackingId.sscc(0, "5060000", 17).value();

    private static List<String> fieldsOf(StatusCheck.Sent sent) {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> StatusCheck.check(sent, NOW));
        return refused.errors().stream().map(FieldError::field).distinct().toList();
    }

    @Test
    void aDeliveryNeedsWhoReceivedItAndWhereAndDefaultsToTheRecipient() {
        StatusReport report = StatusCheck.check(new StatusCheck.Sent("e1", TRACKING, "DELIVERED", "2026-12-02T09:58:00Z",
                null, null, "Conor Byrne", 54.59, -5.93, Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                null), NOW);
        assertEquals(PartnerStatus.DELIVERED, report.status());
        assertEquals(DeliveryMethod.RECIPIENT, report.method());
        assertTrue(report.proofComplete());
        assertEquals(List.of("receivedBy", "latitude"), fieldsOf(new StatusCheck.Sent("e2", TRACKING, "DELIVERED",
                "2026-12-02T09:58:00Z", null, null, null, null, null, null, null)));
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertEquals(List.of("eventId", "trackingId", "status", "occurredAt"), fieldsOf(new StatusCheck.Sent("bad id!", "123",
                "TELEPORTED", "yesterday", null, null, null, null, null, null, null)));
    }

    @Test
    void theFutureAndAFakeImageAreRefused() {
        assertEquals(List.of("occurredAt"), fieldsOf(new StatusCheck.Sent("e3", TRACKING, "PICKED_UP", "2026-12-02T11:00:00Z",
                null, null, null, null, null, null, null)));
        assertEquals(List.of("photoJpeg"), fieldsOf(new StatusCheck.Sent("e4", TRACKING, "ATTEMPT_FAILED", "2026-12-02T09:00:00Z",
                "NOT_AT_HOME", null, null, 54.59, -5.93, null, Base64.getEncoder().encodeToString("not a jpeg".getBytes()))));
        assertEquals(List.of("reason"), fieldsOf(new StatusCheck.Sent("e5", TRACKING, "ATTEMPT_FAILED", "2026-12-02T09:00:00Z",
                "ON_HOLIDAY", null, null, 54.59, -5.93, null, null)));
    }
}
