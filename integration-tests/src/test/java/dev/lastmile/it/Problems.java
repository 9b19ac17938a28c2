package dev.lastmile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every refused request must answer: the status, a problem document, and the fields it names. */
final class Problems {

    private Problems() {
    }

    static void assertProblem(Api.Reply reply, int status, String... fields) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        for (String field : fields) {
            assertTrue(reply.body().contains("\"" + field + "\""), field + " in " + reply.body());
        }
    }
}
