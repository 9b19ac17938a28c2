package dev.lastmile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/** What a driver's handheld sends: its token from the back office, and batches of scan events. */
final class Handhelds {

    private Handhelds() {
    }

    static String issue(Api api, long driverId) {
        Api.Reply issued = api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                .add("label", "IT handheld").build());
        if (issued.status() != 201) {
            throw new IllegalStateException(issued.body());
        }
        return issued.json().getString("token");
    }

    static Api.Reply send(Api api, String token, JsonObject... events) {
        var batch = Json.createArrayBuilder();
        for (JsonObject event : events) {
            batch.add(event);
        }
        return api.post("api/handheld/events", Json.createObjectBuilder().add("events", batch).build(), token);
    }

    static JsonObjectBuilder event(String type, String trackingId, Instant at) {
        return Json.createObjectBuilder().add("eventId", UUID.randomUUID().toString()).add("type", type)
                .add("trackingId", trackingId).add("occurredAt", at.toString());
    }

    static JsonObject scan(String type, String trackingId, Instant at) {
        return event(type, trackingId, at).build();
    }

    static JsonObject delivered(String trackingId, Instant at, double latitude, double longitude, JsonObjectBuilder delivery) {
        return event("DELIVERED", trackingId, at).add("location", location(latitude, longitude))
                .add("delivery", delivery).build();
    }

    static JsonObject failed(String trackingId, Instant at, double latitude, double longitude, String reason) {
        return event("FAILED", trackingId, at).add("location", location(latitude, longitude))
                .add("failure", Json.createObjectBuilder().add("reason", reason)).build();
    }

    static JsonObjectBuilder location(double latitude, double longitude) {
        return Json.createObjectBuilder().add("latitude", latitude).add("longitude", longitude).add("accuracyM", 7);
    }

    /** A small PNG, as a handheld captures a signature. */
    static String signaturePng() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(60, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawLine(2, 10, 58, 12);
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
