package dev.lastmile.orders.notify.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tells a partner 3PL of a recall or redirection at its callback: the JSON as a signed webhook, or the same facts
 * as the {@code ParcelNotice} of partner-network-v2.wsdl in a SOAP 1.1 envelope, signed the same way (the
 * {@link WebhookCourier#SIGNATURE_HEADER} over the body), so a partner checks either alike.
 */
@ApplicationScoped
public class PartnerCallbackCourier {

    static final String NAMESPACE = "https://lastmile.dev/partners/v2";
    static final String SOAP_ACTION = NAMESPACE + "/ParcelNotice";

    /** The notice's fields in the order the contract's sequence lists them. */
    private static final List<String> FIELDS = List.of("noticeId", "type", "partnerCode", "trackingId", "partnerReference",
            "occurredAt");
    private static final List<String> ADDRESS = List.of("addressLine", "town", "postcode", "country", "latitude", "longitude");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    WebhookCourier webhooks;

    public void send(String kind, String url, String payload, String secret, String eventId) throws IOException {
        if (!"soap".equals(kind)) {
            webhooks.send(url, payload, secret, eventId);
            return;
        }
        String body = envelope(Json.createReader(new StringReader(payload)).readObject());
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + SOAP_ACTION + "\"")
                .header("X-Lastmile-Event", eventId)
                .header(WebhookCourier.SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + WebhookCourier.sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("partner callback answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String envelope(JsonObject notice) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<n:ParcelNotice xmlns:n=\"" + NAMESPACE + "\">");
        FIELDS.forEach(field -> element(xml, field, notice.get(field)));
        JsonObject address = notice.getJsonObject("address");
        if (address != null) {
            element(xml, "addressLine", address.get("line"));
            ADDRESS.subList(1, ADDRESS.size()).forEach(field -> element(xml, field, address.get(field)));
        }
        return xml.append("</n:ParcelNotice></soapenv:Body></soapenv:Envelope>").toString();
    }

    private static void element(StringBuilder xml, String name, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString()
                : value.toString();
        xml.append("<n:").append(name).append('>').append(escaped(text)).append("</n:").append(name).append('>');
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
