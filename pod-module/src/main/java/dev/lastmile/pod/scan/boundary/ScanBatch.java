package dev.lastmile.pod.scan.boundary;

import java.util.List;

/**
 * A batch of events from one handheld, possibly collected offline, possibly sent before. Each event
 * carries the device's own id (the idempotency key) and the time it happened on the device.
 */
public record ScanBatch(List<Event> events) {

    public record Event(String eventId, String type, String trackingId, String occurredAt, Location location,
                        Delivery delivery, Failure failure) {
    }

    public record Location(Double latitude, Double longitude, Double accuracyM) {
    }

    /**
     * Evidence of a delivery; which fields are required depends on the method. {@code photosToFollow}: photos sent
     * after the event (PUT /api/handheld/events/{eventId}/photos/{n}), so a weak uplink carries the delivery first.
     */
    public record Delivery(String method, String receivedBy, String neighbourHouse, String lockerCompartment, String pin,
                           String signaturePng, List<String> photosJpeg, Integer photosToFollow) {
    }

    public record Failure(String reason, String photoJpeg) {
    }
}
