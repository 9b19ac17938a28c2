package dev.lastmile.launcher;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A day at a London depot, loaded through the public API as shippers, dispatchers and drivers would:
 * a depot with its vans and drivers, a couple of hundred parcels to real London streets, the day
 * planned, the first route on the road and its first parcels delivered.
 */
public final class DemoDay {

    public static final String DEPOT = "LON1";
    private static final int PARCELS = 200;
    private static final String[] FIRST = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Noah", "Oliver", "George", "Arthur",
        "Leo", "Harry", "Oscar", "Priya", "Mohammed", "Chloe", "Sofia", "Yusuf", "Grace", "Jack", "Freya"};
    private static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Patel", "Khan", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Clarke", "Hughes", "Green", "Hall", "Wood"};
    private static final String[][] SLOTS = {{"08:00", "12:00"}, {"12:00", "16:00"}, {"16:00", "20:00"}};

    /** Where to look once the demo is loaded: a delivered parcel and one still out for delivery. */
    public record Highlights(String deliveredTrackingId, String deliveredPostcode, String onTheWayTrackingId,
                             String onTheWayPostcode, String shipperApiKey, String choicesLink, String partnerCode,
                             String partnerSecret, String partnerParcel) {
    }

    /** A partner 3PL for Northern Ireland, where the carrier has no depot: Belfast parcels go to it. */
    public static final String PARTNER = "ULSTER";

    private record Street(String name, String postcode, double latitude, double longitude) {
    }

    private final ApiClient api;
    private final Random random = new Random(20261125);

    public DemoDay(ApiClient api) {
        this.api = api;
    }

    public Highlights load(LocalDate day) {
        openDepot();
        openCollectionPoints();
        String partnerSecret = openPartner();
        String apiKey = api.post("api/shippers", Json.createObjectBuilder().add("code", "NORTHWIND")
                .add("name", "Northwind Books").build()).getString("apiKey");
        ApiClient shipper = api.asShipper(apiKey);
        List<Street> streets = streets();
        var batch = Json.createArrayBuilder();
        for (int i = 0; i < PARCELS; i++) {
            batch.add(parcel(i, streets.get(random.nextInt(streets.size())), day));
        }
        // Two days ahead: the recipient can still choose a slot, a locker or a neighbour.
        batch.add(parcel(PARCELS, streets.get(0), day.plusDays(2)));
        batch.add(unplaceable(day.plusDays(1)));
        batch.add(toBelfast(day.plusDays(1)));
        JsonArray rows = shipper.post("api/parcels/batch", batch.build()).getJsonArray("rows");
        String partnerParcel = rows.getJsonObject(PARCELS + 2).getString("trackingId");
        String later = rows.getJsonObject(PARCELS).getString("trackingId");
        String choicesLink = api.getArray("api/notifications?trackingId=" + later).getValuesAs(JsonObject.class).stream()
                .filter(n -> n.containsKey("selfServiceLink") && !n.isNull("selfServiceLink")).findFirst()
                .map(n -> n.getString("selfServiceLink")).orElse("");
        JsonObject plan = api.post("api/plans", Json.createObjectBuilder().add("depot", DEPOT).add("date", day.toString()).build());
        JsonObject firstRoute = plan.getJsonArray("routes").getJsonObject(0);
        String token = handheldOf(firstRoute.getString("driver"));
        api.post("api/handheld/routes/" + firstRoute.getJsonNumber("id").longValue() + "/departure", JsonValue.EMPTY_JSON_OBJECT, token);
        JsonArray stops = firstRoute.getJsonArray("stops");
        var events = Json.createArrayBuilder();
        for (int i = 0; i < 3; i++) {
            events.add(delivery(stops.getJsonObject(i)));
        }
        events.add(failedAttempt(stops.getJsonObject(3)));
        api.post("api/handheld/events", Json.createObjectBuilder().add("events", events).build(), token);
        JsonObject delivered = stops.getJsonObject(0);
        JsonObject onTheWay = stops.getJsonObject(4);
        return new Highlights(delivered.getString("trackingId"), delivered.getString("postcode"),
                onTheWay.getString("trackingId"), onTheWay.getString("postcode"), apiKey, choicesLink, PARTNER, partnerSecret,
                partnerParcel);
    }

    private void openDepot() {
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "London Park Royal")
                .add("latitude", 51.5290).add("longitude", -0.2640).build());
        String[] vans = {"LM26 VAN", "LM26 VBN", "LM26 VCN", "LM26 VDN", "LM26 VEN"};
        for (String registration : vans) {
            vehicle(registration, "VAN", 700, 40);
        }
        vehicle("LM26 EVA", "ELECTRIC_VAN", 500, 35);
        vehicle("LM-BIKE-1", "CARGO_BIKE", 90, 15);
        for (String name : List.of("Sam Okafor", "Ewa Nowak", "Tom Reilly", "Aisha Rahman", "Dan Price", "Lena Fischer", "Raj Mehta")) {
            api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", name).build());
        }
    }

    private void openCollectionPoints() {
        api.post("api/collection-points", Json.createObjectBuilder().add("code", "LK-BAKER").add("kind", "LOCKER")
                .add("name", "Baker Street Station locker").add("line", "Marylebone Road").add("town", "London")
                .add("postcode", "NW1 5LJ").add("country", "GB").add("latitude", 51.5226).add("longitude", -0.1571)
                .add("compartments", Json.createObjectBuilder().add("S", 20).add("M", 12).add("L", 4)).build());
        api.post("api/collection-points", Json.createObjectBuilder().add("code", "PP-MARY").add("kind", "PICKUP_POINT")
                .add("name", "Marylebone News & Post").add("line", "88 Marylebone High Street").add("town", "London")
                .add("postcode", "W1U 4QW").add("country", "GB").add("latitude", 51.5204).add("longitude", -0.1511)
                .add("compartments", Json.createObjectBuilder().add("ANY", 30)).build());
    }

    /** A postcode no gazetteer knows: the parcel waits on the "address needs attention" list. */
    /** Offered to the partner at intake: no depot of the demo delivers in Belfast. */
    private static JsonObject toBelfast(LocalDate day) {
        return Json.createObjectBuilder().add("shipperReference", "DEMO-BELFAST")
                .add("recipient", Json.createObjectBuilder().add("name", "Conor Byrne").add("email", "conor@example.org"))
                .add("address", Json.createObjectBuilder().add("line", "1 Donegall Square North").add("town", "Belfast")
                        .add("postcode", "BT1 5GS").add("country", "GB").add("latitude", 54.5964).add("longitude", -5.9301))
                .add("weightKg", 2.0).add("deliveryDate", day.toString()).build();
    }

    private String openPartner() {
        String secret = api.post("api/partners", Json.createObjectBuilder().add("code", PARTNER).add("name", "Ulster Parcels")
                .add("contactEmail", "ops@ulster-parcels.example").build()).getString("clientSecret");
        api.put("api/partners/" + PARTNER + "/terms", Json.createObjectBuilder()
                .add("countries", Json.createArrayBuilder().add("GB")).add("postcodePrefixes", Json.createArrayBuilder().add("BT"))
                .add("services", Json.createArrayBuilder().add("NEXT_DAY").add("WEEKEND")).add("dailyCapacity", 40)
                .add("slaDays", 1).add("pricePerParcel", 3.2).add("weightBands", "5=0;15=1.2;31.5=2.8")
                .add("weekendSurcharge", 1.5).add("currency", "GBP").build());
        return secret;
    }

    private JsonObject unplaceable(LocalDate day) {
        return Json.createObjectBuilder().add("shipperReference", "DEMO-UNKNOWN-ADDRESS")
                .add("recipient", Json.createObjectBuilder().add("name", "Ivy Unplaced"))
                .add("address", Json.createObjectBuilder().add("line", "1 Nowhere Mews").add("town", "London")
                        .add("postcode", "ZZ9 9ZZ").add("country", "GB"))
                .add("weightKg", 1.2).add("deliveryDate", day.toString()).build();
    }

    private void vehicle(String registration, String type, double kg, int parcels) {
        api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", registration)
                .add("type", type).add("capacityKg", kg).add("capacityParcels", parcels).build());
    }

    private JsonObject parcel(int index, Street street, LocalDate day) {
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        // A small offset per house keeps stops on one street apart on a map (about 100 m at most).
        double latitude = street.latitude() + (random.nextDouble() - 0.5) * 0.0015;
        double longitude = street.longitude() + (random.nextDouble() - 0.5) * 0.0025;
        var recipient = Json.createObjectBuilder().add("name", name)
                .add("email", name.toLowerCase().replace(' ', '.') + "@example.org");
        if (index % 4 == 0) {
            recipient.add("phone", "+4477009" + String.format("%05d", index));
        }
        if (index % 7 == 0) {
            recipient.add("language", "de");
        }
        var address = Json.createObjectBuilder().add("line", (1 + random.nextInt(180)) + " " + street.name())
                .add("town", "London").add("postcode", street.postcode()).add("country", "GB");
        if (index % 10 != 0) { // every tenth parcel comes without coordinates: the gazetteer places its postcode
            address.add("latitude", latitude).add("longitude", longitude);
        }
        var builder = Json.createObjectBuilder()
                .add("shipperReference", "DEMO-" + (1000 + index))
                .add("recipient", recipient)
                .add("address", address)
                .add("weightKg", Math.round((0.2 + random.nextDouble() * 8) * 10) / 10.0)
                .add("deliveryDate", day.toString());
        if (random.nextInt(3) > 0) {
            String[] slot = SLOTS[random.nextInt(SLOTS.length)];
            builder.add("timeSlot", Json.createObjectBuilder().add("from", slot[0]).add("to", slot[1]));
        }
        return builder.build();
    }

    /** A pairing code for the driver's app, for the driver of today's second route (not yet out). */
    public record AppPairing(String driver, String vehicle, String code, String expiresAt, String link) {
    }

    /**
     * Registers a phone for a driver whose van has not left yet and asks for its one-time pairing code, so the
     * driver's app can be tried at once.
     */
    public AppPairing pairDriverApp(LocalDate day) {
        List<JsonObject> routes = api.getArray("api/routes?depot=" + DEPOT + "&date=" + day).getValuesAs(JsonObject.class);
        JsonObject route = routes.get(routes.size() > 1 ? 1 : 0);
        String driver = route.getString("driver");
        long driverId = api.getArray("api/depots/" + DEPOT + "/drivers").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("name").equals(driver)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        long deviceId = api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                .add("label", "Demo phone").build()).getJsonNumber("deviceId").longValue();
        JsonObject pairing = api.post("api/handheld/devices/" + deviceId + "/pairing", JsonValue.EMPTY_JSON_OBJECT);
        return new AppPairing(driver, route.getString("vehicle"), pairing.getString("code"), pairing.getString("expiresAt"),
                pairing.getString("link"));
    }

    /** The back office issues the driver's handheld its token. */
    private String handheldOf(String driverName) {
        long driverId = api.getArray("api/depots/" + DEPOT + "/drivers").getValuesAs(JsonObject.class).stream()
                .filter(driver -> driver.getString("name").equals(driverName)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        return api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                .add("label", "Demo handheld").build()).getString("token");
    }

    private JsonObject delivery(JsonObject stop) {
        return event(stop, "DELIVERED").add("delivery", Json.createObjectBuilder().add("method", "RECIPIENT")
                .add("receivedBy", FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)])
                .add("signaturePng", signature())).build();
    }

    private JsonObject failedAttempt(JsonObject stop) {
        return event(stop, "FAILED").add("failure", Json.createObjectBuilder().add("reason", "NOT_AT_HOME")).build();
    }

    /** Now, at the address: the demo's driver is quick and precise. */
    private JsonObjectBuilder event(JsonObject stop, String type) {
        Instant at = Instant.now();
        return Json.createObjectBuilder().add("eventId", UUID.randomUUID().toString()).add("type", type)
                .add("trackingId", stop.getString("trackingId")).add("occurredAt", at.toString())
                .add("location", Json.createObjectBuilder().add("latitude", stop.getJsonNumber("latitude").doubleValue())
                        .add("longitude", stop.getJsonNumber("longitude").doubleValue()).add("accuracyM", 6));
    }

    /** A scribble, drawn the way a handheld would capture a signature. */
    static String signature() {
        BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = image.createGraphics();
        pen.setColor(Color.WHITE);
        pen.fillRect(0, 0, 240, 80);
        pen.setColor(new Color(20, 30, 90));
        pen.setStroke(new BasicStroke(3));
        pen.drawPolyline(new int[] {10, 40, 60, 90, 120, 150, 180, 220}, new int[] {60, 20, 55, 25, 60, 30, 50, 35}, 8);
        pen.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Street> streets() {
        List<Street> streets = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                DemoDay.class.getResourceAsStream("/demo/london-streets.csv"), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] cells = line.split(",");
                streets.add(new Street(cells[0], cells[1], Double.parseDouble(cells[2]), Double.parseDouble(cells[3])));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return streets;
    }
}
