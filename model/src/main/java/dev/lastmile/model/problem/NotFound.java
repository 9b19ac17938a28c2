package dev.lastmile.model.problem;

/** The thing asked for does not exist, or the caller may not know that it does. */
public class NotFound extends DomainException {

    public NotFound(String thing, String key) {
        super(thing + "-not-found", capitalised(thing) + " not found", "No " + thing + " " + key + ".");
    }

    private static String capitalised(String thing) {
        return Character.toUpperCase(thing.charAt(0)) + thing.substring(1);
    }
}
