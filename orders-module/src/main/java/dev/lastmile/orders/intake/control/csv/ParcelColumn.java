package dev.lastmile.orders.intake.control.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a shipper's parcel file may have. The header name is the constant in lower case; the
 * field path is where the value lands in a {@code ParcelRequest}, as validation errors name it.
 */
public enum ParcelColumn {

    SHIPPER_REFERENCE("shipperReference", false),
    RECIPIENT_NAME("recipient.name", true),
    RECIPIENT_EMAIL("recipient.email", false),
    RECIPIENT_PHONE("recipient.phone", false),
    RECIPIENT_LANGUAGE("recipient.language", false),
    ADDRESS_LINE("address.line", true),
    TOWN("address.town", true),
    POSTCODE("address.postcode", true),
    COUNTRY("address.country", true),
    LATITUDE("address.latitude", false),
    LONGITUDE("address.longitude", false),
    WEIGHT_KG("weightKg", true),
    VOLUME_LITRES("volumeLitres", false),
    DELIVERY_DATE("deliveryDate", true),
    SLOT_FROM("timeSlot.from", false),
    SLOT_TO("timeSlot.to", false),
    DECLARED_VALUE("declaredValue", false),
    INSTRUCTIONS("preferences.instructions", false),
    SAFE_PLACE("preferences.safePlace", false),
    NEIGHBOUR("preferences.neighbour", false),
    LOCKER("preferences.locker", false),
    CONTACTLESS("preferences.contactless", false);

    private final String fieldPath;
    private final boolean required;

    ParcelColumn(String fieldPath, boolean required) {
        this.fieldPath = fieldPath;
        this.required = required;
    }

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A column the header must name; a row may still leave the cell empty for validation to refuse. */
    public boolean required() {
        return required;
    }

    /** The column a header cell names, ignoring case and surrounding spaces. */
    public static Optional<ParcelColumn> named(String header) {
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(column -> column.header().equals(wanted)).findFirst();
    }

    /**
     * The CSV column behind a validation error's field path (e.g. {@code postcode} for {@code address.postcode}),
     * so the report speaks the file's language; a path spanning several columns is returned unchanged.
     */
    public static String headerFor(String fieldPath) {
        return Arrays.stream(values()).filter(column -> column.fieldPath.equals(fieldPath)).findFirst()
                .map(ParcelColumn::header).orElse(fieldPath);
    }
}
