package dev.lastmile.model.parcel;

/** The recipient's wishes for the hand-over: each field optional. */
public record DeliveryPreferences(String instructions, String safePlace, String neighbour, String locker,
                                  boolean contactless) {

    public static final DeliveryPreferences NONE = new DeliveryPreferences(null, null, null, null, false);

    public DeliveryPreferences {
        if (length(instructions) > 240 || length(safePlace) > 120 || length(neighbour) > 120 || length(locker) > 32) {
            throw new IllegalArgumentException("instructions up to 240, safe place and neighbour up to 120, locker up to 32 characters");
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
