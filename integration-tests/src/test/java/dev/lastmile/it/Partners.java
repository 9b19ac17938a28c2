package dev.lastmile.it;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.List;

/** Partner 3PLs on record, and parcels offered to them, as the carrier's staff set them up. */
final class Partners {

    private Partners() {
    }

    /** Registers the partner if it is new; returns its client secret (a new one when it existed already). */
    static String register(Api admin, String code) {
        Api.Reply reply = admin.post("api/partners", Json.createObjectBuilder().add("code", code).add("name", code + " 3PL")
                .build());
        if (reply.status() == 409) {
            reply = admin.post("api/partners/" + code + "/secret", Json.createObjectBuilder().build());
        }
        if (reply.status() >= 300) {
            throw new IllegalStateException("registering partner " + code + " failed: " + reply.body());
        }
        String secret = reply.json().getString("clientSecret");
        covering(admin, code, LONDON, "99.00", 10_000);
        return secret;
    }

    /** The London postcode areas the other tests deliver in; not Belfast (BT) nor the Highlands (IV). */
    static final List<String> LONDON = List.of("NW", "SW", "SE", "EC", "WC", "E", "W", "N");

    /** Gives the partner terms: GB postcodes with these prefixes, every service, a flat price, a daily capacity. */
    static void covering(Api admin, String code, List<String> prefixes, String price, int capacity) {
        Api.Reply reply = admin.put("api/partners/" + code + "/terms", Json.createObjectBuilder()
                .add("countries", Json.createArrayBuilder().add("GB"))
                .add("postcodePrefixes", Json.createArrayBuilder(prefixes))
                .add("services", Json.createArrayBuilder().add("NEXT_DAY").add("SAME_DAY").add("WEEKEND"))
                .add("dailyCapacity", capacity).add("slaDays", 1)
                .add("pricePerParcel", new BigDecimal(price)).add("weightBands", "5=0;31.5=1.50")
                .add("currency", "GBP").build());
        if (reply.status() != 200) {
            throw new IllegalStateException("terms for partner " + code + " refused: " + reply.body());
        }
    }

    static void offer(Api staff, String code, String trackingId) {
        Api.Reply reply = staff.post("api/partners/" + code + "/offers", Json.createObjectBuilder()
                .add("trackingId", trackingId).build());
        if (reply.status() != 201) {
            throw new IllegalStateException("offering " + trackingId + " to " + code + " failed: " + reply.body());
        }
    }

    /** The partner's API client with a bearer token from the client-credentials grant. */
    static Api signedIn(Api anonymous, String code, String secret) {
        Api.Reply token = anonymous.postRaw("api/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + code + "&client_secret=" + Api.encode(secret));
        if (token.status() != 200) {
            throw new IllegalStateException("partner sign-in failed: " + token.body());
        }
        return anonymous.withToken(token.json().getString("access_token"));
    }
}
