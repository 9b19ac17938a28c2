package dev.lastmile.pod.scan.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.handheld.ScanType;
import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.proof.DeliveryMethod;
import dev.lastmile.pod.scan.boundary.ScanBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks one handheld event on its own: every field it needs for its type, well-formed; all problems at once. */
public final class ScanCheck {

    /** Handheld clocks drift; an event from further in the future than this is refused. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_PHOTOS = 5;

    private ScanCheck() {
    }

    public static Scan check(ScanBatch.Event event, Instant now) {
        Violations violations = new Violations();
        if (event == null) {
            violations.add("", "an event is required").throwIfAny();
        }
        violations.require("eventId", event.eventId()).require("type", event.type())
                .require("trackingId", event.trackingId()).require("occurredAt", event.occurredAt());
        violations.check(event.eventId() == null || event.eventId().length() <= 64, "eventId", "must be at most 64 characters");
        ScanType type = event.type() == null ? null : violations.attempt("type", () -> ScanType.valueOf(event.type()));
        TrackingId trackingId = event.trackingId() == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(event.trackingId()));
        Instant occurredAt = event.occurredAt() == null ? null
                : violations.attempt("occurredAt", () -> Instant.parse(event.occurredAt()));
        violations.check(occurredAt == null || !occurredAt.isAfter(now.plus(CLOCK_TOLERANCE)), "occurredAt",
                "is in the future");
        boolean needsLocation = type == ScanType.DELIVERED || type == ScanType.FAILED;
        GeoPoint location = location(event.location(), needsLocation, violations);
        Scan.Handover handover = type == ScanType.DELIVERED ? handover(event.delivery(), violations) : null;
        Scan.Attempt attempt = type == ScanType.FAILED ? attempt(event.failure(), violations) : null;
        violations.throwIfAny();
        Double accuracy = event.location() == null ? null : event.location().accuracyM();
        return new Scan(event.eventId(), type, trackingId, occurredAt, location, accuracy, handover, attempt);
    }

    private static GeoPoint location(ScanBatch.Location location, boolean required, Violations violations) {
        if (location == null) {
            violations.check(!required, "location", "is required for a delivery or a failed attempt");
            return null;
        }
        violations.require("location.latitude", location.latitude()).require("location.longitude", location.longitude());
        violations.check(location.accuracyM() == null || location.accuracyM() >= 0, "location.accuracyM", "must not be negative");
        if (location.latitude() == null || location.longitude() == null) {
            return null;
        }
        return violations.attempt("location", () -> new GeoPoint(location.latitude(), location.longitude()));
    }

    private static Scan.Handover handover(ScanBatch.Delivery delivery, Violations violations) {
        if (delivery == null) {
            violations.add("delivery", "is required for a DELIVERED event");
            return null;
        }
        violations.require("delivery.method", delivery.method());
        DeliveryMethod method = delivery.method() == null ? null : violations.attempt("delivery.method",
                () -> DeliveryMethod.valueOf(delivery.method()));
        byte[] signature = delivery.signaturePng() == null ? null
                : violations.attempt("delivery", () -> Images.png("delivery.signaturePng", delivery.signaturePng()));
        List<String> encoded = delivery.photosJpeg() == null ? List.of() : delivery.photosJpeg();
        int toFollow = delivery.photosToFollow() == null ? 0 : delivery.photosToFollow();
        violations.check(toFollow >= 0, "delivery.photosToFollow", "must not be negative");
        violations.check(encoded.size() + Math.max(0, toFollow) <= MAX_PHOTOS, "delivery.photosJpeg",
                "at most " + MAX_PHOTOS + " photos, those to follow included");
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < encoded.size() && i < MAX_PHOTOS; i++) {
            String field = "delivery.photosJpeg[" + i + "]";
            String photo = encoded.get(i);
            byte[] jpeg = photo == null ? null : violations.attempt("delivery", () -> Images.jpeg(field, photo));
            if (jpeg != null) {
                photos.add(jpeg);
            }
        }
        if (method != null) {
            requireEvidence(method, delivery, delivery.signaturePng() != null, !encoded.isEmpty() || toFollow > 0, violations);
        }
        return new Scan.Handover(method, trim(delivery.receivedBy()), trim(delivery.neighbourHouse()),
                trim(delivery.lockerCompartment()), delivery.pin(), signature, photos, Math.max(0, toFollow));
    }

    /** Each way of handing over needs its own evidence (see DeliveryMethod). */
    private static void requireEvidence(DeliveryMethod method, ScanBatch.Delivery delivery, boolean signed,
                                        boolean photographed, Violations violations) {
        switch (method) {
            case RECIPIENT -> violations.require("delivery.receivedBy", delivery.receivedBy())
                    .check(signed, "delivery.signaturePng", "is required when the recipient signs");
            case NEIGHBOUR -> violations.require("delivery.receivedBy", delivery.receivedBy())
                    .require("delivery.neighbourHouse", delivery.neighbourHouse())
                    .check(signed, "delivery.signaturePng", "is required when a neighbour signs");
            case SAFE_PLACE -> violations.check(photographed, "delivery.photosJpeg", "a photo of the safe place is required");
            case LOCKER -> violations.require("delivery.lockerCompartment", delivery.lockerCompartment());
            case CONTACTLESS -> violations.check(photographed, "delivery.photosJpeg", "a photo at the door is required");
        }
    }

    private static Scan.Attempt attempt(ScanBatch.Failure failure, Violations violations) {
        if (failure == null) {
            violations.add("failure", "is required for a FAILED event");
            return null;
        }
        violations.require("failure.reason", failure.reason());
        FailureReason reason = failure.reason() == null ? null : violations.attempt("failure.reason", () -> reason(failure.reason()));
        byte[] photo = failure.photoJpeg() == null ? null
                : violations.attempt("failure", () -> Images.jpeg("failure.photoJpeg", failure.photoJpeg()));
        return new Scan.Attempt(reason, photo);
    }

    private static FailureReason reason(String text) {
        try {
            return FailureReason.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(FailureReason.values()));
        }
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }
}
