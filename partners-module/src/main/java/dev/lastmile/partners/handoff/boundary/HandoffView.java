package dev.lastmile.partners.handoff.boundary;

import dev.lastmile.model.handoff.Handoff;

/** An accepted handoff. */
public record HandoffView(long handoffId, String trackingId, String partnerCode, String partnerReference, String acceptedAt) {

    static HandoffView of(Handoff handoff) {
        return new HandoffView(handoff.id(), handoff.parcel().trackingId().value(), handoff.partnerCode(),
                handoff.partnerReference(), handoff.acceptedAt().toString());
    }
}
