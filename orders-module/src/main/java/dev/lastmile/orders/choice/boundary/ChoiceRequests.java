package dev.lastmile.orders.choice.boundary;

/** The bodies a recipient sends from the self-service page, one per kind of choice. */
public final class ChoiceRequests {

    private ChoiceRequests() {
    }

    /** {@code date} optional: another day than the planned one reschedules the delivery. */
    public record SlotChoice(String date, String from, String to) {
    }

    public record SafePlaceChoice(String place) {
    }

    public record NeighbourChoice(String name, String house) {
    }

    public record CollectionPointChoice(String code) {
    }

    public record ContactlessChoice(Boolean contactless) {
    }

    public record InstructionsChoice(String text) {
    }

    public record RedirectChoice(String line, String town, String postcode, String country, Double latitude,
                                 Double longitude) {
    }

    public record HoldChoice(String until) {
    }
}
