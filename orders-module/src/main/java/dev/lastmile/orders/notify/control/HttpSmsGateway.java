package dev.lastmile.orders.notify.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs {@code {"to": ..., "text": ..., "sender": ..., "reference": ...}} to the provider's URL with
 * an optional bearer token; any 2xx is accepted, anything else is a failure the outbox retries.
 */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "lastmile.sms.url", defaultValue = "http://localhost:8025/sms")
    String url;

    @Inject
    @ConfigProperty(name = "lastmile.sms.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "lastmile.sms.sender", defaultValue = "Lastmile")
    String sender;

    @Override
    public void send(String phoneNumber, String text, String messageId) throws IOException {
        String body = Json.createObjectBuilder().add("to", phoneNumber).add("text", text).add("sender", sender)
                .add("reference", messageId).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("SMS gateway answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
