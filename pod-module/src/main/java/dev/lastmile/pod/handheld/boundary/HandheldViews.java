package dev.lastmile.pod.handheld.boundary;

/** What the handheld gets back. */
public final class HandheldViews {

    private HandheldViews() {
    }

    public record DepartureView(long routeId, int parcelsOutForDelivery) {
    }

    public record ProofView(long proofId, String trackingId, String receivedBy, String deliveredAt) {
    }
}
