package dev.lastmile.it;

import jakarta.json.Json;

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
        return reply.json().getString("clientSecret");
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
