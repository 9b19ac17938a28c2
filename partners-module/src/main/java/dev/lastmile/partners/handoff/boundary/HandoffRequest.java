package dev.lastmile.partners.handoff.boundary;

/** A partner's acceptance of a parcel, over REST. */
public record HandoffRequest(String trackingId, String partnerReference) {
}
