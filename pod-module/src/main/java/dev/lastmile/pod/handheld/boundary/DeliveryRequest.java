package dev.lastmile.pod.handheld.boundary;

/** A handheld's report of a delivered parcel; the signature is a PNG image, base64-encoded. */
public record DeliveryRequest(String trackingId, String receivedBy, LocationPart location, String signaturePng) {

    public record LocationPart(Double latitude, Double longitude) {
    }
}
