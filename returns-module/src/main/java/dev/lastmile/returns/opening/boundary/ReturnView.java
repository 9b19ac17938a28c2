package dev.lastmile.returns.opening.boundary;

import dev.lastmile.model.returns.ParcelReturn;

/** A return and the id to track it by. */
public record ReturnView(String returnTrackingId, String parcelTrackingId, String status, String reason, String openedAt) {

    static ReturnView of(ParcelReturn parcelReturn) {
        return new ReturnView(parcelReturn.trackingId().value(), parcelReturn.parcel().trackingId().value(),
                parcelReturn.status().name(), parcelReturn.reason(), parcelReturn.openedAt().toString());
    }
}
