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

/** An HTTP client of the deployed application, speaking JSON, SOAP or whatever a test needs. */
final class Api {

    record Reply(int status, String contentType, String body, byte[] bytes) {

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

    Api(URI base) {
        this(base, null);
    }

    private Api(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The same client acting as a shipper: every request carries the shipper's API key. */
    Api asShipper(String key) {
        return new Api(base, key);
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

    Reply soap(String path, String action, String envelope) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + action + "\"").POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
    }

    private Reply send(HttpRequest plain) {
        HttpRequest request = apiKey == null ? plain
                : HttpRequest.newBuilder(plain, (name, value) -> true).header("X-Api-Key", apiKey).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
