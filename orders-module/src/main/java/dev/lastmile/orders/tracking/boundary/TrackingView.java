package dev.lastmile.orders.tracking.boundary;

import java.util.List;

/**
 * A parcel as the public sees it. Without the recipient's postcode only status and town are filled;
 * with it the delivery day, slot, ETA window and the timeline. Nothing names the recipient.
 */
public record TrackingView(String trackingId, String status, String town, boolean details, String deliveryDate,
                           String timeSlot, String etaFrom, String etaTo, String collectionPoint, List<Step> timeline) {

    public record Step(String code, String at, String description) {
    }
}
