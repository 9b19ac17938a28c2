package dev.lastmile.pod.handheld.boundary;

/** What the handheld gets back. */
public final class HandheldViews {

    private HandheldViews() {
    }

    public record DepartureView(long routeId, int parcelsOutForDelivery) {
    }
}
