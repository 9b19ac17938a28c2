package dev.lastmile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import java.util.Random;

/** Staff accounts a test opens through the administrator, and the run tag that keeps its names apart. */
final class Staff {

    private Staff() {
    }

    /** Letters only, so that names carrying the tag are still words to the name search. */
    static String runTag() {
        Random random = new Random();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** Opens an account for the depots given; returns the password the server generated. */
    static String open(Api admin, String username, String role, List<String> depots) {
        Api.Reply opened = admin.post("api/accounts", Json.createObjectBuilder().add("username", username)
                .add("roles", Json.createArrayBuilder().add(role)).add("depots", Json.createArrayBuilder(depots))
                .add("allDepots", false).build());
        assertEquals(201, opened.status(), opened.body());
        return opened.json().getString("password");
    }
}
