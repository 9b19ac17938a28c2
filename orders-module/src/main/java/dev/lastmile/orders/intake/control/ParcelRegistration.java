package dev.lastmile.orders.intake.control;

import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.DeliveryPreferences;
import dev.lastmile.model.parcel.Postcode;
import dev.lastmile.model.parcel.Recipient;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.orders.intake.boundary.ParcelRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;

/** A shipper's request turned into checked domain values, or refused with every bad field named. */
public record ParcelRegistration(String shipperReference, Recipient recipient, DeliveryAddress address, double weightKg,
                                 Double volumeLitres, LocalDate deliveryDate, TimeSlot slot, BigDecimal declaredValue,
                                 DeliveryPreferences preferences, String language) {

    /** Languages with notification templates (see notifications/messages_*.properties). */
    public static final Set<String> LANGUAGES = Set.of("en", "de");

    private static final double MAX_WEIGHT_KG = 31.5;

    public static ParcelRegistration from(ParcelRequest request, LocalDate today) {
        Violations.body(request);
        Violations violations = new Violations();
        Recipient recipient = recipient(request.recipient(), violations);
        DeliveryAddress address = address(request.address(), violations);
        violations.require("weightKg", request.weightKg());
        if (request.weightKg() != null) {
            violations.check(request.weightKg() > 0 && request.weightKg() <= MAX_WEIGHT_KG, "weightKg",
                    "must be more than 0 and at most " + MAX_WEIGHT_KG + " kg");
        }
        violations.check(request.volumeLitres() == null || request.volumeLitres() > 0 && request.volumeLitres() <= 500,
                "volumeLitres", "must be more than 0 and at most 500 litres");
        String language = request.recipient() == null || request.recipient().language() == null ? "en"
                : request.recipient().language().trim().toLowerCase(Locale.ROOT);
        violations.check(LANGUAGES.contains(language), "recipient.language", "must be one of " + LANGUAGES);
        violations.require("deliveryDate", request.deliveryDate());
        LocalDate day = request.deliveryDate() == null ? null
                : violations.attempt("deliveryDate", () -> LocalDate.parse(request.deliveryDate()));
        if (day != null) {
            violations.check(!day.isBefore(today), "deliveryDate", "must not be in the past");
        }
        TimeSlot slot = request.timeSlot() == null ? null : violations.attempt("timeSlot",
                () -> new TimeSlot(time(request.timeSlot().from()), time(request.timeSlot().to())));
        String reference = request.shipperReference();
        violations.check(reference == null || reference.length() <= 64, "shipperReference", "must be at most 64 characters");
        violations.check(request.declaredValue() == null || request.declaredValue() >= 0, "declaredValue",
                "must not be negative");
        ParcelRequest.PreferencesPart wishes = request.preferences();
        DeliveryPreferences preferences = wishes == null ? DeliveryPreferences.NONE : violations.attempt("preferences",
                () -> new DeliveryPreferences(wishes.instructions(), wishes.safePlace(), wishes.neighbour(), wishes.locker(),
                        Boolean.TRUE.equals(wishes.contactless())));
        violations.throwIfAny();
        BigDecimal value = request.declaredValue() == null ? null
                : BigDecimal.valueOf(request.declaredValue()).setScale(2, RoundingMode.HALF_UP);
        return new ParcelRegistration(reference, recipient, address, request.weightKg(), request.volumeLitres(), day, slot,
                value, preferences, language);
    }

    private static Recipient recipient(ParcelRequest.RecipientPart part, Violations violations) {
        if (part == null) {
            violations.add("recipient", "is required");
            return null;
        }
        violations.require("recipient.name", part.name());
        return part.name() == null ? null
                : violations.attempt("recipient", () -> new Recipient(part.name().trim(), part.email(), part.phone()));
    }

    /** An address on its own (a redirect), refused with every bad field named. */
    public static DeliveryAddress addressOf(ParcelRequest.AddressPart part) {
        Violations violations = new Violations();
        DeliveryAddress address = address(part, violations);
        violations.throwIfAny();
        return address;
    }

    private static DeliveryAddress address(ParcelRequest.AddressPart part, Violations violations) {
        if (part == null) {
            violations.add("address", "is required");
            return null;
        }
        violations.require("address.line", part.line()).require("address.town", part.town())
                .require("address.postcode", part.postcode()).require("address.country", part.country());
        // Coordinates are optional (the gazetteer places the postcode), but one without the other is a mistake.
        violations.check((part.latitude() == null) == (part.longitude() == null), "address.latitude",
                "give latitude and longitude together, or neither");
        Postcode postcode = part.postcode() == null || part.country() == null ? null
                : violations.attempt("address.postcode", () -> Postcode.of(part.country(), part.postcode()));
        GeoPoint location = part.latitude() == null || part.longitude() == null ? null
                : violations.attempt("address", () -> new GeoPoint(part.latitude(), part.longitude()));
        if (postcode == null || part.line() == null || part.town() == null
                || part.line().isBlank() || part.town().isBlank()) {
            return null;
        }
        return new DeliveryAddress(part.line().trim(), part.town().trim(), postcode, location);
    }

    private static LocalTime time(String text) {
        if (text == null) {
            throw new IllegalArgumentException("needs both from and to");
        }
        return LocalTime.parse(text);
    }
}
