package dev.lastmile.orders.choice.boundary;

import java.util.List;

/** What the self-service page shows: the parcel, whether changes are open, the options and the history. */
public record ChoicesView(String trackingId, String status, String deliveryDate, String town, SlotView slot,
                          boolean changeable, String closedReason, String cutOff, String firstBookableDay,
                          List<SlotView> openSlots, List<PointView> collectionPoints, Current current,
                          List<Change> history) {

    public record SlotView(String from, String to, Integer free) {
    }

    public record PointView(String code, String kind, String name, String address, double distanceKm, boolean fits) {
    }

    public record Current(String safePlace, String neighbour, String collectionPoint, boolean contactless,
                          String instructions) {
    }

    public record Change(String kind, String detail, String madeBy, String madeAt) {
    }
}
