package dev.lastmile.model.parcel;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A postcode checked against the format of its country, kept in its canonical spelling. */
public record Postcode(String country, String value) {

    private static final Map<String, Pattern> FORMATS = Map.of(
            // Royal Mail format: outward code (area, district) and inward code (sector, unit).
            "GB", Pattern.compile("^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$"),
            "DE", Pattern.compile("^[0-9]{5}$"),
            "FR", Pattern.compile("^[0-9]{5}$"),
            "NL", Pattern.compile("^[1-9][0-9]{3} [A-Z]{2}$"),
            "AD", Pattern.compile("^AD[1-7]00$"));

    public Postcode {
        if (country == null || !FORMATS.containsKey(country)) {
            throw new IllegalArgumentException("country must be one of " + FORMATS.keySet().stream().sorted().toList());
        }
        if (value == null || !FORMATS.get(country).matcher(value).matches()) {
            throw new IllegalArgumentException("is not a valid " + country + " postcode");
        }
    }

    /** Upper-cases and re-spaces what a person typed ("sw1a1aa" becomes "SW1A 1AA"). */
    public static Postcode of(String country, String raw) {
        String countryCode = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        if (raw == null) {
            throw new IllegalArgumentException("is required");
        }
        String compact = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        String canonical = switch (countryCode == null ? "" : countryCode) {
            case "GB" -> compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3) : compact;
            case "NL" -> compact.length() == 6 ? compact.substring(0, 4) + " " + compact.substring(4) : compact;
            default -> compact;
        };
        return new Postcode(countryCode, canonical);
    }

    /** Whether what a person typed names this postcode, whatever its spacing or case. */
    public boolean matches(String typed) {
        return typed != null && typed.replaceAll("\\s", "").equalsIgnoreCase(value.replace(" ", ""));
    }
}
