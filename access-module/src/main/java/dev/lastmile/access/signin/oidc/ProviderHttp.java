package dev.lastmile.access.signin.oidc;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The back channel to the provider: JSON documents fetched or posted for, over HTTP/1.1. */
final class ProviderHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    ProviderHttp() {
        // HTTP/1.1: the JDK's h2c upgrade attempt on plain http trips up some providers and proxies.
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    ProviderHttp(HttpClient client) {
        this.client = client;
    }

    /** @param what names the document in failure messages, e.g. "the discovery document" */
    JsonObject get(URI uri, String what) {
        return send(request(uri).GET().build(), what);
    }

    /** Posts a form; {@code authorization} is a whole Authorization header value, or null for none. */
    JsonObject postForm(URI uri, Map<String, String> form, String authorization, String what) {
        HttpRequest.Builder request = request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), what);
    }

    static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).header("Accept", "application/json");
    }

    private JsonObject send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OidcSignInFailed("could not fetch " + what + " from " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcSignInFailed("interrupted while fetching " + what + " from " + request.uri(), e);
        }
        JsonObject body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new OidcSignInFailed(what + " request to " + request.uri() + " answered HTTP "
                    + response.statusCode() + oauthError(body));
        }
        if (body == null) {
            throw new OidcSignInFailed(what + " from " + request.uri() + " is not a JSON object");
        }
        return body;
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** The RFC 6749 error code and description only: the rest of an error body is not known to be free of secrets. */
    private static String oauthError(JsonObject body) {
        if (body == null || !(body.get("error") instanceof JsonString error)) {
            return "";
        }
        String description = body.get("error_description") instanceof JsonString text ? " (" + text.getString() + ")" : "";
        return ", error " + error.getString() + description;
    }
}
