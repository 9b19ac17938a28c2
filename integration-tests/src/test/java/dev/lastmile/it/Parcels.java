package dev.lastmile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;

/** Builds parcel requests for tests: {@code aParcel().to(street...).on(day).json()}. */
final class Parcels {

    private String name = "Ada Lovelace";
    private String line = "12 Baker Street";
    private String postcode = "NW1 6XE";
    private double latitude = 51.5226;
    private double longitude = -0.1571;
    private double weightKg = 1.4;
    private LocalDate day = LocalDate.now().plusDays(1);
    private String reference;
    private Double declaredValue;
    private String safePlace;

    static Parcels aParcel() {
        return new Parcels();
    }

    Parcels to(String name, String line, String postcode, double latitude, double longitude) {
        this.name = name;
        this.line = line;
        this.postcode = postcode;
        this.latitude = latitude;
        this.longitude = longitude;
        return this;
    }

    Parcels on(LocalDate day) {
        this.day = day;
        return this;
    }

    Parcels weighing(double kg) {
        this.weightKg = kg;
        return this;
    }

    Parcels reference(String reference) {
        this.reference = reference;
        return this;
    }

    Parcels worth(double value) {
        this.declaredValue = value;
        return this;
    }

    Parcels safePlace(String place) {
        this.safePlace = place;
        return this;
    }

    JsonObject json() {
        JsonObjectBuilder builder = Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("name", name).add("email", "recipient@example.org"))
                .add("address", Json.createObjectBuilder().add("line", line).add("town", "London")
                        .add("postcode", postcode).add("country", "GB").add("latitude", latitude).add("longitude", longitude))
                .add("weightKg", weightKg)
                .add("deliveryDate", day.toString())
                .add("timeSlot", Json.createObjectBuilder().add("from", "09:00").add("to", "13:00"));
        if (reference != null) {
            builder.add("shipperReference", reference);
        }
        if (declaredValue != null) {
            builder.add("declaredValue", declaredValue);
        }
        if (safePlace != null) {
            builder.add("preferences", Json.createObjectBuilder().add("safePlace", safePlace).add("instructions", "Ring twice"));
        }
        return builder.build();
    }
}
