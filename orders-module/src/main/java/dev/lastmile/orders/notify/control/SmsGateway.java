package dev.lastmile.orders.notify.control;

import java.io.IOException;

/**
 * An SMS provider. Carriers contract different ones; each gets an implementation of this, chosen by
 * configuration. {@link HttpSmsGateway} speaks a plain JSON-over-HTTP API that most providers (or a
 * small adapter in front of them) offer.
 */
public interface SmsGateway {

    void send(String phoneNumber, String text, String messageId) throws IOException;
}
