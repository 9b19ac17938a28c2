package dev.lastmile.partners.status.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.handoff.PartnerStatus;
import dev.lastmile.model.parcel.FailureReason;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.proof.DeliveryMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;

/** Turns what a partner sent into a {@link StatusReport}, or says every field that is wrong. */
public final class StatusCheck {

    /** A clock a few minutes fast on the partner's side is no reason to refuse a report. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_IMAGE_BYTES = 1_000_000;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** The fields as they arrive, text for text, so that both protocols are checked alike. */
    public record Sent(String eventId, String trackingId, String status, String occurredAt, String reason,
                       String method, String receivedBy, Double latitude, Double longitude, String signaturePng,
                       String photoJpeg) {
    }

    private StatusCheck() {
    }

    /** @throws InvalidRequest listing every wrong field */
    public static StatusReport check(Sent sent, Instant now) {
        Violations v = new Violations();
        if (sent == null) {
            throw new InvalidRequest("event", "an event is an object");
        }
        v.require("eventId", sent.eventId());
        v.check(sent.eventId() == null || sent.eventId().matches("[A-Za-z0-9._:-]{1,64}"), "eventId",
                "must be 1 to 64 letters, digits or . _ : -");
        v.require("trackingId", sent.trackingId());
        TrackingId trackingId = sent.trackingId() == null ? null : v.attempt("trackingId", () -> TrackingId.parse(sent.trackingId()));
        v.require("status", sent.status());
        PartnerStatus status = sent.status() == null ? null : v.attempt("status", () -> oneOf(PartnerStatus.class, sent.status()));
        v.require("occurredAt", sent.occurredAt());
        Instant occurredAt = sent.occurredAt() == null ? null : v.attempt("occurredAt", () -> instant(sent.occurredAt()));
        v.check(occurredAt == null || !occurredAt.isAfter(now.plus(CLOCK_SKEW)), "occurredAt", "must not be in the future");
        GeoPoint position = null;
        if (sent.latitude() != null && sent.longitude() != null) {
            position = v.attempt("latitude", () -> new GeoPoint(sent.latitude(), sent.longitude()));
        } else if (sent.latitude() != null || sent.longitude() != null) {
            v.add("longitude", "latitude and longitude go together");
        }
        FailureReason reason = null;
        DeliveryMethod method = null;
        byte[] signature = null;
        byte[] photo = null;
        if (status == PartnerStatus.ATTEMPT_FAILED) {
            v.require("reason", sent.reason());
            reason = sent.reason() == null ? null : v.attempt("reason", () -> oneOf(FailureReason.class, sent.reason()));
            v.check(position != null, "latitude", "a failed attempt needs the position where it was made");
            photo = image(v, "photoJpeg", sent.photoJpeg(), JPEG);
        } else if (status == PartnerStatus.DELIVERED) {
            method = sent.method() == null ? DeliveryMethod.RECIPIENT
                    : v.attempt("method", () -> oneOf(DeliveryMethod.class, sent.method()));
            v.require("receivedBy", sent.receivedBy());
            v.check(sent.receivedBy() == null || sent.receivedBy().length() <= 120, "receivedBy", "must be at most 120 characters");
            v.check(position != null, "latitude", "a delivery needs the position where it was made");
            signature = image(v, "signaturePng", sent.signaturePng(), PNG);
            photo = image(v, "photoJpeg", sent.photoJpeg(), JPEG);
        }
        v.throwIfAny();
        return new StatusReport(sent.eventId(), trackingId, status, occurredAt, reason, method,
                sent.receivedBy() == null ? null : sent.receivedBy().trim(), position, signature, photo);
    }

    private static byte[] image(Violations v, String field, String base64, byte[] magic) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        byte[] bytes = v.attempt(field, () -> {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be base64");
            }
        });
        if (bytes == null) {
            return null;
        }
        v.check(bytes.length <= MAX_IMAGE_BYTES, field, "must be at most " + MAX_IMAGE_BYTES + " bytes");
        v.check(bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic), field,
                "must be a " + (magic == PNG ? "PNG" : "JPEG") + " image");
        return bytes;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("must be an ISO 8601 instant, e.g. 2026-12-02T10:15:00Z");
            }
        }
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
