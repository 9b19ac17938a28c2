package dev.lastmile.orders.notify.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends recipient emails through the carrier's SMTP server (Jakarta Mail). One connection serves message after
 * message (the outbox sends one at a time): a new connection, greeting and goodbye per message cost more than the
 * message itself. A connection the server dropped is noticed before a message is handed over (NOOP) and replaced;
 * one that fails during a message is closed and the message goes back to the outbox's retries.
 */
@ApplicationScoped
public class EmailCourier {

    @Inject
    @ConfigProperty(name = "lastmile.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "lastmile.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "lastmile.mail.from", defaultValue = "Lastmile <no-reply@lastmile.local>")
    String from;

    @Inject
    @ConfigProperty(name = "lastmile.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "lastmile.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "lastmile.mail.starttls", defaultValue = "false")
    boolean startTls;

    private Session session;

    /** The open connection, if any; guarded by this. */
    private Transport transport;

    @PostConstruct
    void configure() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        // A dead server must fail fast: the outbox retries later instead of holding its lock.
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        session = Session.getInstance(properties);
    }

    public void send(String to, String subject, String text, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        message.setHeader("X-Lastmile-Notification", messageId);
        message.saveChanges();
        synchronized (this) {
            Transport connected = connected();
            try {
                connected.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            close();
            Transport opened = session.getTransport("smtp");
            if (user.isPresent()) {
                opened.connect(host, port, user.get(), password.orElse(""));
            } else {
                opened.connect();
            }
            transport = opened;
        }
        return transport;
    }

    @PreDestroy
    synchronized void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                // nothing to release
            }
            transport = null;
        }
    }
}
