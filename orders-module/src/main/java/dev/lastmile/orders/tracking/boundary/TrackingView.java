package dev.lastmile.orders.tracking.boundary;

import dev.lastmile.orders.tracking.control.VanNearby;
import java.util.List;

/**
 * A parcel as the public sees it. Without the recipient's postcode only status and town are filled;
 * with it the delivery day, slot, ETA window and the timeline, and while the van comes closer the stops before
 * theirs and, a few stops away, the van's position ({@code live}). Nothing names the recipient.
 */
public record TrackingView(String trackingId, String status, String town, boolean details, String deliveryDate,
                           String timeSlot, String etaFrom, String etaTo, String collectionPoint, List<Step> timeline,
                           VanNearby.Live live) {

    public record Step(String code, String at, String description) {
    }
}
