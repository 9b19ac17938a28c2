package dev.lastmile.launcher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks JSON to the running application, as any client of its API would. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String credentialHeader;
    private final String credential;

    public ApiClient(URI base) {
        this(base, null, null);
    }

    private ApiClient(URI base, String credentialHeader, String credential) {
        this.base = base;
        this.credentialHeader = credentialHeader;
        this.credential = credential;
    }

    /** The same client acting as a shipper: its API key goes with every request. */
    public ApiClient asShipper(String key) {
        return new ApiClient(base, "X-Api-Key", key);
    }

    /** The same client with a bearer token (staff, partners). */
    public ApiClient withToken(String token) {
        return new ApiClient(base, "Authorization", "Bearer " + token);
    }

    /** Signs in with a staff account's password (OAuth 2.0 password grant) and acts with the token. */
    public ApiClient signedIn(String username, String password) {
        return withToken(token(username, password));
    }

    /** A bearer token for a partner 3PL (its code and client secret). */
    public String partnerToken(String code, String secret) {
        return tokenFor("grant_type=client_credentials&client_id=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /** A bearer token for a staff account. */
    public String token(String username, String password) {
        return tokenFor("grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private String tokenFor(String form) {
        JsonObject token = (JsonObject) send(HttpRequest.newBuilder(base.resolve("api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return token.getString("access_token");
    }

    public JsonObject put(String path, JsonStructure body) {
        return (JsonObject) send(withKey(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))).build());
    }

    public JsonObject get(String path) {
        return (JsonObject) send(withKey(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .GET()).build());
    }

    private HttpRequest.Builder withKey(HttpRequest.Builder request) {
        return credential == null ? request : request.header(credentialHeader, credential);
    }

    public JsonObject post(String path, JsonStructure body) {
        return (JsonObject) send(jsonPost(path, body).build());
    }

    /** A handheld's call: the device token goes in the Authorization header. */
    public JsonObject post(String path, JsonStructure body, String deviceToken) {
        return (JsonObject) send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + deviceToken)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpRequest.Builder jsonPost(String path, JsonStructure body) {
        return withKey(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public JsonArray getArray(String path) {
        return (JsonArray) send(withKey(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json"))
                .GET().build());
    }

    /** 503 means "not yet" (the server is still starting its application): ask again, for up to half a minute. */
    private JsonStructure send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; response.statusCode() == 503 && retry < 30; retry++) {
                Thread.sleep(1000);
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).read();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
