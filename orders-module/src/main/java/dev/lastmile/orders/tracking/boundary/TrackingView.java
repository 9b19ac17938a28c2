package dev.lastmile.orders.tracking.boundary;

import java.util.List;

/** What the public sees of a parcel: its status, town and journey, nothing else about the recipient. */
public record TrackingView(String trackingId, String status, String town, String deliveryDate, List<Step> timeline) {

    public record Step(String code, String at, String description) {
    }
}
