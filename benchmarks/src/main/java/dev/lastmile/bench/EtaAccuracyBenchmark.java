package dev.lastmile.bench;

import dev.lastmile.launcher.ApiClient;
import dev.lastmile.launcher.LaunchOptions;
import dev.lastmile.launcher.Lastmile;
import dev.lastmile.model.fleet.VehicleType;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.routing.distance.DistanceMatrix;
import dev.lastmile.routing.distance.StraightLineDistances;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * How right the live ETAs are: a published day of several vans is driven with realistic noise (a traffic factor by
 * the hour, a spread of service times, a few long stops, late departures) and replayed through the handheld API
 * (positions every minute, deliveries as they happen) against the run command's server. After every minute of the
 * day the benchmark reads what each recipient was told. For every delivery it compares the static plan's ETA, the
 * live ETA 60 and 30 minutes before the van came, and whether the delivery fell inside the last window told at
 * least 30 minutes ahead. The day is placed in the past, so that its events carry their own times.
 */
public final class EtaAccuracyBenchmark {

    private static final String DEPOT = "ETA";
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final GeoPoint DEPOT_AT = new GeoPoint(51.53, -0.27);
    private static final Duration PLANNED_SERVICE = Duration.ofMinutes(3);

    record Settings(int vans, int stops, long seed, int stepSeconds) {
    }

    /** A stop as planned and as it really went. */
    static final class Stop {
        final long id;
        final String trackingId;
        final GeoPoint at;
        LocalDateTime plannedEta;
        LocalDateTime arrived;
        LocalDateTime done;
        /** What the recipient was told, minute by minute: [time, told from, told to, live ETA or null]. */
        final List<LocalDateTime[]> told = new ArrayList<>();

        Stop(long id, GeoPoint at) {
            this.id = id;
            this.trackingId = TrackingId.sscc(0, "5060000", id).value();
            this.at = at;
        }
    }

    record Van(String token, long routeId, LocalDateTime departure, LocalDateTime leftAt, List<Stop> stops) {
    }

    private EtaAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(ScanIngestionBenchmark.intArg(args, "--vans", 12),
                ScanIngestionBenchmark.intArg(args, "--stops", 35), ScanIngestionBenchmark.intArg(args, "--seed", 7),
                ScanIngestionBenchmark.intArg(args, "--step", 60));
        System.out.printf("ETA accuracy: %d vans of %d stops, seed %d, the handheld reporting every %d s;"
                + " starting MariaDB and Payara Micro ...%n", settings.vans(), settings.stops(), settings.seed(), settings.stepSeconds());
        try (Lastmile system = Lastmile.start(new LaunchOptions(18185, 13341, Files.createTempDirectory("lastmile-eta"), true, false),
                Lastmile.runtimeDirectory())) {
            String jdbc = "jdbc:mysql://localhost:13341/lastmile?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
            List<Van> vans = prepare(system.administrator(), system.baseUri(), jdbc, settings);
            replay(system.baseUri(), jdbc, vans, settings);
            report(vans);
        }
    }

    /** A departure whose whole day, however late it runs, lies in the past of the same calendar day. */
    static LocalDateTime departure() {
        LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime sameDay = now.minusHours(12);
        return sameDay.toLocalDate().equals(now.toLocalDate()) ? sameDay.minusMinutes(sameDay.getMinute() % 5)
                : now.toLocalDate().minusDays(1).atTime(LocalTime.of(8, 0));
    }

    static List<Van> prepare(ApiClient api, URI base, String jdbc, Settings settings) throws Exception {
        api.post("api/depots", Json.createObjectBuilder().add("code", DEPOT).add("name", "ETA benchmark depot")
                .add("latitude", DEPOT_AT.latitude()).add("longitude", DEPOT_AT.longitude()).build());
        Random random = new Random(settings.seed());
        StraightLineDistances roads = StraightLineDistances.urban();
        LocalDateTime departure = departure();
        List<Van> vans = new ArrayList<>();
        long serial = 70_000_000L;
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            long depotId = ScanIngestionBenchmark.single(db, "SELECT id FROM depot WHERE code = '" + DEPOT + "'");
            for (int v = 0; v < settings.vans(); v++) {
                String registration = "ETA " + v;
                api.post("api/depots/" + DEPOT + "/vehicles", Json.createObjectBuilder().add("registration", registration)
                        .add("type", "VAN").add("capacityKg", 2000).add("capacityParcels", 500).build());
                long driverId = api.post("api/depots/" + DEPOT + "/drivers", Json.createObjectBuilder().add("name", "Driver " + v)
                        .build()).getJsonNumber("id").longValue();
                String token = api.post("api/handheld/devices", Json.createObjectBuilder().add("driverId", driverId)
                        .add("label", "eta " + v).build()).getString("token");
                long vehicleId = ScanIngestionBenchmark.single(db, "SELECT id FROM vehicle WHERE registration = '" + registration + "'");
                // Each van a sector of the depot's area, its stops in clusters (streets, estates), nearest first.
                double bearing = 2 * Math.PI * v / settings.vans();
                List<Stop> stops = new ArrayList<>();
                for (int s = 0; s < settings.stops(); s++) {
                    double distanceKm = 1.5 + 6 * random.nextDouble();
                    double angle = bearing + (random.nextDouble() - 0.5) * 2 * Math.PI / settings.vans();
                    GeoPoint at = new GeoPoint(DEPOT_AT.latitude() + distanceKm / 111 * Math.cos(angle),
                            DEPOT_AT.longitude() + distanceKm / 69 * Math.sin(angle));
                    stops.add(new Stop(serial++, at));
                }
                List<Stop> ordered = nearestFirst(stops);
                LocalDateTime clock = departure;
                GeoPoint from = DEPOT_AT;
                for (Stop stop : ordered) {
                    DistanceMatrix leg = roads.matrix(List.of(from, stop.at), VehicleType.VAN);
                    clock = clock.plusSeconds(Math.round(leg.seconds(0, 1)));
                    stop.plannedEta = clock;
                    clock = clock.plus(PLANNED_SERVICE);
                    from = stop.at;
                }
                long routeId = insertRoute(db, depotId, vehicleId, driverId, departure,
                        clock.plusSeconds(Math.round(roads.matrix(List.of(from, DEPOT_AT), VehicleType.VAN).seconds(0, 1))));
                insertStops(db, depotId, routeId, ordered, departure.toLocalDate());
                db.commit();
                vans.add(new Van(token, routeId, departure, departure.plusMinutes(random.nextInt(8)), ordered));
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (Van van : vans) {
            HttpResponse<String> left = http.send(HttpRequest.newBuilder(base.resolve("api/handheld/routes/" + van.routeId() + "/departure"))
                    .header("Authorization", "Bearer " + van.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (left.statusCode() != 200) {
                throw new IllegalStateException("departure refused: " + left.body());
            }
        }
        simulate(vans, new Random(settings.seed() * 31 + 1));
        System.out.printf("prepared %d routes, departing %s%n", vans.size(), departure);
        return vans;
    }

    private static List<Stop> nearestFirst(List<Stop> stops) {
        List<Stop> left = new ArrayList<>(stops);
        List<Stop> ordered = new ArrayList<>();
        GeoPoint at = DEPOT_AT;
        while (!left.isEmpty()) {
            GeoPoint here = at;
            Stop next = left.stream().min((a, b) -> Double.compare(here.kilometresTo(a.at), here.kilometresTo(b.at))).orElseThrow();
            left.remove(next);
            ordered.add(next);
            at = next.at;
        }
        return ordered;
    }

    /**
     * The day as it really goes: each leg the plan's drive time times the hour's traffic and a spread of 20%, each
     * stop's service a log-normal spread around three minutes, one stop in twenty 8 to 20 minutes longer.
     */
    static void simulate(List<Van> vans, Random random) {
        for (Van van : vans) {
            LocalDateTime clock = van.leftAt();
            LocalDateTime plannedFrom = van.departure();
            for (Stop stop : van.stops()) {
                long plannedDrive = Duration.between(plannedFrom, stop.plannedEta).toSeconds();
                double drive = plannedDrive * traffic(clock.toLocalTime()) * Math.exp(0.2 * random.nextGaussian());
                stop.arrived = clock.plusSeconds(Math.round(drive));
                double service = 180 * Math.exp(0.5 * random.nextGaussian() - 0.125);
                if (random.nextDouble() < 0.05) {
                    service += 480 + random.nextInt(720);
                }
                stop.done = stop.arrived.plusSeconds(Math.round(service));
                clock = stop.done;
                plannedFrom = stop.plannedEta.plus(PLANNED_SERVICE);
            }
        }
    }

    /** Rush hours are slower than the plan's average speed, the middle of the day a little faster. */
    static double traffic(LocalTime time) {
        double hour = time.getHour() + time.getMinute() / 60.0;
        if ((hour >= 7 && hour < 9.5) || (hour >= 16 && hour < 18.5)) {
            return 1.4;
        }
        return hour >= 11 && hour < 14 ? 1.1 : 0.95;
    }

    private static long insertRoute(Connection db, long depotId, long vehicleId, long driverId, LocalDateTime departure,
                                    LocalDateTime returns) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO route (depot_id, vehicle_id, driver_id, route_day,"
                + " departure, distance_km, returns_at) VALUES (?, ?, ?, ?, ?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, depotId);
            insert.setLong(2, vehicleId);
            insert.setLong(3, driverId);
            insert.setObject(4, departure.toLocalDate());
            insert.setObject(5, departure);
            insert.setObject(6, returns);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertStops(Connection db, long depotId, long routeId, List<Stop> stops, LocalDate day) throws Exception {
        try (PreparedStatement parcel = db.prepareStatement("INSERT INTO parcel (id, tracking_id, recipient_name, address_line,"
                + " town, postcode, country, latitude, longitude, weight_kg, delivery_date, depot_id, status, registered_at, version)"
                + " VALUES (?, ?, 'Eta Recipient', '1 Bench Street', 'London', 'NW10 7NA', 'GB', ?, ?, 1.0, ?, ?, 'PLANNED', ?, 1)");
             PreparedStatement stop = db.prepareStatement("INSERT INTO route_stop (route_id, seq_no, parcel_id, eta, departs)"
                     + " VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < stops.size(); i++) {
                Stop s = stops.get(i);
                long id = s.id;
                parcel.setLong(1, id);
                parcel.setString(2, s.trackingId);
                parcel.setDouble(3, s.at.latitude());
                parcel.setDouble(4, s.at.longitude());
                parcel.setObject(5, day);
                parcel.setLong(6, depotId);
                parcel.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                parcel.addBatch();
                stop.setLong(1, routeId);
                stop.setInt(2, i + 1);
                stop.setLong(3, id);
                stop.setObject(4, s.plannedEta);
                stop.setObject(5, s.plannedEta.plus(PLANNED_SERVICE));
                stop.addBatch();
            }
            parcel.executeBatch();
            stop.executeBatch();
        }
    }

    /** Minute by minute: each van's deliveries of the minute, its position, then what every recipient is told. */
    static void replay(URI base, String jdbc, List<Van> vans, Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String signature = ScanIngestionBenchmark.signature();
        LocalDateTime first = vans.stream().map(Van::leftAt).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = vans.stream().map(v -> v.stops().get(v.stops().size() - 1).done).max(LocalDateTime::compareTo).orElseThrow();
        Map<String, Stop> byId = new HashMap<>();
        vans.forEach(v -> v.stops().forEach(s -> byId.put(s.trackingId, s)));
        long requests = 0;
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbc, "root", "");
             PreparedStatement told = db.prepareStatement("SELECT p.tracking_id, p.eta_from, p.eta_to, f.live_eta FROM parcel p"
                     + " LEFT JOIN stop_forecast f ON f.tracking_id = p.tracking_id WHERE p.status = 'OUT_FOR_DELIVERY'"
                     + " AND p.eta_from IS NOT NULL")) {
            for (LocalDateTime t = first; !t.isAfter(last.plusSeconds(settings.stepSeconds())); t = t.plusSeconds(settings.stepSeconds())) {
                LocalDateTime from = t.minusSeconds(settings.stepSeconds());
                for (Van van : vans) {
                    JsonArrayBuilder events = Json.createArrayBuilder();
                    int count = 0;
                    for (Stop stop : van.stops()) {
                        if (stop.done.isAfter(from) && !stop.done.isAfter(t)) {
                            events.add(Json.createObjectBuilder().add("eventId", UUID.randomUUID().toString())
                                    .add("type", "DELIVERED").add("trackingId", stop.trackingId)
                                    .add("occurredAt", instant(stop.done).toString())
                                    .add("location", Json.createObjectBuilder().add("latitude", stop.at.latitude())
                                            .add("longitude", stop.at.longitude()).add("accuracyM", 6))
                                    .add("delivery", Json.createObjectBuilder().add("method", "RECIPIENT")
                                            .add("receivedBy", "Eta Recipient").add("signaturePng", signature)));
                            count++;
                        }
                    }
                    if (count > 0) {
                        post(http, base, "api/handheld/events", van.token(), Json.createObjectBuilder().add("events", events).build());
                        requests++;
                    }
                    GeoPoint where = where(van, t);
                    if (where != null) {
                        post(http, base, "api/handheld/positions", van.token(), Json.createObjectBuilder().add("fixes",
                                Json.createArrayBuilder().add(Json.createObjectBuilder().add("at", instant(t).toString())
                                        .add("latitude", where.latitude()).add("longitude", where.longitude())
                                        .add("accuracyM", 10))).build());
                        requests++;
                    }
                }
                try (ResultSet rows = told.executeQuery()) {
                    while (rows.next()) {
                        Stop stop = byId.get(rows.getString(1));
                        if (stop != null) {
                            Timestamp live = rows.getTimestamp(4);
                            stop.told.add(new LocalDateTime[] {t, rows.getTimestamp(2).toLocalDateTime(),
                                rows.getTimestamp(3).toLocalDateTime(), live == null ? null : live.toLocalDateTime()});
                        }
                    }
                }
            }
        }
        System.out.printf("replayed %s to %s: %d handheld requests in %.0f s%n", first.toLocalTime(), last.toLocalTime(),
                requests, (System.nanoTime() - started) / 1e9);
    }

    /** Where the van is at a time: at a stop while serving it, else on the straight way to the next one. */
    private static GeoPoint where(Van van, LocalDateTime t) {
        if (t.isBefore(van.leftAt()) || t.isAfter(van.stops().get(van.stops().size() - 1).done)) {
            return null;
        }
        GeoPoint from = DEPOT_AT;
        LocalDateTime leftAt = van.leftAt();
        for (Stop stop : van.stops()) {
            if (!t.isAfter(stop.arrived)) {
                double share = Duration.between(leftAt, t).toSeconds() / (double) Math.max(1, Duration.between(leftAt, stop.arrived).toSeconds());
                return new GeoPoint(from.latitude() + share * (stop.at.latitude() - from.latitude()),
                        from.longitude() + share * (stop.at.longitude() - from.longitude()));
            }
            if (!t.isAfter(stop.done)) {
                return stop.at;
            }
            from = stop.at;
            leftAt = stop.done;
        }
        return null;
    }

    private static void post(HttpClient http, URI base, String path, String token, JsonObject body) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200 || reply.body().contains("\"REJECTED\"")) {
            throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
        }
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    static void report(List<Van> vans) {
        List<Stop> stops = vans.stream().flatMap(v -> v.stops().stream()).toList();
        double staticAll = 0;
        int all = 0;
        double[] live = new double[2];
        double[] staticSame = new double[2];
        int[] counted = new int[2];
        int inside = 0;
        long widest = 0;
        int windows = 0;
        for (Stop stop : stops) {
            staticAll += minutes(stop.plannedEta, stop.arrived);
            all++;
            int[] horizons = {60, 30};
            for (int h = 0; h < 2; h++) {
                LocalDateTime[] before = lastBefore(stop, stop.arrived.minusMinutes(horizons[h]), true);
                if (before != null) {
                    live[h] += minutes(before[3], stop.arrived);
                    staticSame[h] += minutes(stop.plannedEta, stop.arrived);
                    counted[h]++;
                }
            }
            LocalDateTime[] window = lastBefore(stop, stop.done.minusMinutes(30), false);
            if (window == null && !stop.told.isEmpty()) {
                window = stop.told.get(0); // delivered within 30 minutes of the van leaving: the window told at departure
            }
            if (window != null) {
                windows++;
                widest = Math.max(widest, Duration.between(window[1], window[2]).toMinutes());
                if (!stop.done.isBefore(window[1]) && !stop.done.isAfter(window[2])) {
                    inside++;
                }
            }
        }
        for (Stop stop : stops) {
            for (LocalDateTime[] told : stop.told) {
                widest = Math.max(widest, Duration.between(told[1], told[2]).toMinutes());
            }
        }
        double insideShare = windows == 0 ? 0 : (double) inside / windows;
        System.out.println();
        System.out.println("| figure | static plan | live |");
        System.out.println("|---|--:|--:|");
        System.out.printf(Locale.ROOT, "| mean absolute error, all %d deliveries (min) | %.1f | |%n", all, staticAll / all);
        System.out.printf(Locale.ROOT, "| mean absolute error 60 min ahead, %d deliveries (min) | %.1f | %.1f |%n", counted[0],
                staticSame[0] / Math.max(1, counted[0]), live[0] / Math.max(1, counted[0]));
        System.out.printf(Locale.ROOT, "| mean absolute error 30 min ahead, %d deliveries (min) | %.1f | %.1f |%n", counted[1],
                staticSame[1] / Math.max(1, counted[1]), live[1] / Math.max(1, counted[1]));
        System.out.printf(Locale.ROOT, "| delivered inside the last window told ≥ 30 min ahead | | %d of %d (%.1f%%) |%n", inside,
                windows, 100 * insideShare);
        System.out.printf(Locale.ROOT, "| widest window ever told (min) | | %d |%n", widest);
        double ratio60 = live[0] / Math.max(1e-9, staticSame[0]);
        System.out.printf(Locale.ROOT, "summary: eta-accuracy inside=%.3f window-max-min=%d mae-static=%.1f mae-live60=%.1f"
                        + " mae-live30=%.1f ratio-live60-static=%.2f deliveries=%d%n", insideShare, widest,
                staticSame[0] / Math.max(1, counted[0]), live[0] / Math.max(1, counted[0]), live[1] / Math.max(1, counted[1]),
                ratio60, all);
    }

    /** The last snapshot at or before a time (with a live ETA if asked for). */
    private static LocalDateTime[] lastBefore(Stop stop, LocalDateTime time, boolean needsLive) {
        LocalDateTime[] found = null;
        for (LocalDateTime[] told : stop.told) {
            if (told[0].isAfter(time)) {
                break;
            }
            if (!needsLive || told[3] != null) {
                found = told;
            }
        }
        return found;
    }

    private static double minutes(LocalDateTime a, LocalDateTime b) {
        return Math.abs(Duration.between(a, b).toSeconds()) / 60.0;
    }
}
