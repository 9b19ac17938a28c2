package dev.lastmile.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An HTTP client of the deployed application, speaking JSON, SOAP or whatever a test needs. Tests of
 * the journey act as the carrier's administrator for back-office calls and as their shipper for the
 * shipper API (chosen by the path, see {@link #isShipperCall}); {@code SecurityIT} tests each role
 * with one credential at a time.
 */
final class Api {

    /** The first administrator the EAR creates from the build's LASTMILE_ADMIN_* settings. */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = System.getProperty("lastmile.it.admin.password", "it-admin-password-0000");

    private static String adminToken;
    private static long adminTokenAt;

    record Reply(int status, String contentType, String body, byte[] bytes, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        jakarta.json.JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String apiKey;
    private final String authorization;

    /** The administrator's client: back-office calls carry its token. */
    Api(URI base) {
        this(base, null, "Bearer " + adminToken(base));
    }

    private Api(URI base, String apiKey, String authorization) {
        this.base = base;
        this.apiKey = apiKey;
        this.authorization = authorization;
    }

    /** A caller with no credential at all. */
    static Api anonymous(URI base) {
        return new Api(base, null, null);
    }

    /** The same client acting as a shipper on the shipper API: those requests carry the shipper's API key. */
    Api asShipper(String key) {
        return new Api(base, key, authorization);
    }

    /** A client with one bearer token only (a staff member or partner). */
    Api withToken(String token) {
        return new Api(base, null, "Bearer " + token);
    }

    /** A client with HTTP Basic credentials only (a partner's SOAP client). */
    Api withBasic(String user, String secret) {
        return new Api(base, null, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Signs in with the OAuth 2.0 password grant; the reply of the token endpoint. */
    Reply token(String username, String password) {
        return postRaw("api/auth/token", "application/x-www-form-urlencoded", "grant_type=password&username="
                + encode(username) + "&password=" + encode(password));
    }

    /** A client acting with the token of this staff account. */
    Api signedIn(String username, String password) {
        Reply reply = anonymous(base).token(username, password);
        if (reply.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + reply.body());
        }
        return withToken(reply.json().getString("access_token"));
    }

    private static synchronized String adminToken(URI base) {
        // Tokens live 15 minutes; a new one well before that.
        if (adminToken == null || System.nanoTime() - adminTokenAt > 600_000_000_000L) {
            adminToken = anonymous(base).signedIn(ADMIN, ADMIN_PASSWORD).authorization.substring("Bearer ".length());
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The shipper API: parcels, the shipper's own account, ePODs and returns. */
    private static boolean isShipperCall(URI uri) {
        String path = uri.getPath();
        return path.startsWith("/api/parcels") || path.startsWith("/api/shippers/me") || path.startsWith("/api/proofs/")
                || path.startsWith("/api/returns");
    }

    URI base() {
        return base;
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
    }

    Reply put(String path, JsonStructure json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.toString())).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    Reply post(String path, JsonStructure json) {
        return postRaw(path, "application/json", json.toString());
    }

    /** As a driver's handheld posts: with its device token. */
    Reply post(String path, JsonStructure json, String deviceToken) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + deviceToken)
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build());
    }

    /** A GET with this header (on an anonymous client: this credential and no other). */
    Reply get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value)
                .GET().build());
    }

    Reply get(String path, String deviceToken) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + deviceToken).GET().build());
    }

    Reply postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** As a driver's handheld sends a photo after its delivery: the bytes themselves, with its device token. */
    Reply putBytes(String path, String contentType, byte[] body, String deviceToken) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + deviceToken).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Reply soap(String path, String action, String envelope) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + action + "\"").POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
    }

    private Reply send(HttpRequest plain) {
        HttpRequest request = plain;
        if (apiKey != null && isShipperCall(plain.uri())) {
            request = HttpRequest.newBuilder(plain, (name, value) -> true).header("X-Api-Key", apiKey).build();
        } else if (authorization != null && plain.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(plain, (name, value) -> true).header("Authorization", authorization).build();
        }
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
