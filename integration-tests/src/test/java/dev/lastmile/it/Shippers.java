package dev.lastmile.it;

import jakarta.json.Json;
import java.util.UUID;

/** Opens shipper accounts through the back-office API, as the carrier's staff would. */
final class Shippers {

    private static String standard;

    private Shippers() {
    }

    /** A fresh shipper; returns its API key. */
    static String open(Api api, String name) {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Reply reply = api.post("api/shippers", Json.createObjectBuilder().add("code", code).add("name", name).build());
        if (reply.status() != 201) {
            throw new IllegalStateException("opening shipper failed: " + reply.body());
        }
        return reply.json().getString("apiKey");
    }

    /** The shipper most tests send parcels as, opened once per test run. */
    static synchronized String standardKey(Api api) {
        if (standard == null) {
            standard = open(api, "Acme Books");
        }
        return standard;
    }
}
