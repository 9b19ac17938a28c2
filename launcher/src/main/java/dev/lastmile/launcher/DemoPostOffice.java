package dev.lastmile.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the demo's notifications go on one machine: an SMTP server (GreenMail) that keeps every email,
 * and an HTTP endpoint that keeps every SMS, both shown as plain text at {@link #mailbox()}. A carrier
 * configures its own SMTP server and SMS provider instead (docs/running.md).
 */
public final class DemoPostOffice implements AutoCloseable {

    private final GreenMail mail;
    private final HttpServer web;
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final int smtpPort;
    private final int webPort;

    private DemoPostOffice(int smtpPort, int webPort) {
        this.smtpPort = smtpPort;
        this.webPort = webPort;
        mail = new GreenMail(new ServerSetup(smtpPort, "localhost", "smtp"));
        mail.start();
        try {
            web = HttpServer.create(new InetSocketAddress("localhost", webPort), 0);
        } catch (IOException e) {
            mail.stop();
            throw new UncheckedIOException("port " + webPort + " is taken", e);
        }
        web.createContext("/sms", exchange -> {
            texts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        web.createContext("/", exchange -> {
            byte[] page = page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
    }

    /** Ports follow the HTTP port, so a second system on other ports gets its own post office. */
    public static DemoPostOffice open(int httpPort) {
        return new DemoPostOffice(smtpPort(httpPort), webPort(httpPort));
    }

    static int smtpPort(int httpPort) {
        return httpPort - 8080 + 2525;
    }

    static int webPort(int httpPort) {
        return httpPort - 8080 + 8025;
    }

    /** What Payara Micro needs to send here (MicroProfile Config reads the environment). */
    public Map<String, String> environment() {
        return Map.of("LASTMILE_MAIL_HOST", "localhost", "LASTMILE_MAIL_PORT", String.valueOf(smtpPort),
                "LASTMILE_SMS_URL", "http://localhost:" + webPort + "/sms");
    }

    public URI mailbox() {
        return URI.create("http://localhost:" + webPort + "/");
    }

    public int emails() {
        return mail.getReceivedMessages().length;
    }

    public int textMessages() {
        return texts.size();
    }

    /**
     * The application's reference of every message received ({@code lm-<notification id>}), once per copy, so
     * that a message sent twice shows up twice: emails carry it in a header, SMS in their JSON body.
     */
    public List<String> references() {
        List<String> references = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String[] header = message.getHeader("X-Lastmile-Notification");
                references.add(header == null ? "?" : header[0]);
            } catch (MessagingException e) {
                references.add("?");
            }
        }
        for (String text : texts) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                references.add(reader.readObject().getString("reference", "?"));
            } catch (RuntimeException notJson) {
                references.add("?");
            }
        }
        return references;
    }

    private String page() {
        StringBuilder page = new StringBuilder("Demo post office: " + emails() + " emails, " + texts.size() + " SMS\n\n");
        MimeMessage[] messages = mail.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0 && i >= messages.length - 50; i--) {
            try {
                page.append("EMAIL to ").append(String.join(", ", List.of(messages[i].getAllRecipients()).stream()
                        .map(Object::toString).toList())).append(": ").append(messages[i].getSubject()).append("\n")
                        .append(String.valueOf(messages[i].getContent()).strip()).append("\n\n");
            } catch (MessagingException | IOException e) {
                page.append("EMAIL (unreadable: ").append(e.getMessage()).append(")\n\n");
            }
        }
        for (int i = texts.size() - 1; i >= 0 && i >= texts.size() - 50; i--) {
            page.append("SMS ").append(texts.get(i)).append("\n");
        }
        return page.toString();
    }

    @Override
    public void close() {
        web.stop(0);
        mail.stop();
    }
}
