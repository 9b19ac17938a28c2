package dev.lastmile.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the run's emails and SMS go: the carrier's SMTP server and SMS provider where the environment
 * names them ({@code LASTMILE_MAIL_HOST}, {@code LASTMILE_SMS_URL}), the demo's local post office for
 * whichever is not configured.
 */
final class Couriers {

    private final Map<String, String> environment;
    private final int httpPort;

    private Couriers(Map<String, String> environment, int httpPort) {
        this.environment = environment;
        this.httpPort = httpPort;
    }

    static Couriers of(Map<String, String> environment, int httpPort) {
        return new Couriers(environment, httpPort);
    }

    private boolean mailConfigured() {
        return environment.get("LASTMILE_MAIL_HOST") != null;
    }

    private boolean smsConfigured() {
        return environment.get("LASTMILE_SMS_URL") != null;
    }

    private boolean needsPostOffice() {
        return !mailConfigured() || !smsConfigured();
    }

    void requirePortsFree(Path dataDirectory) {
        if (needsPostOffice()) {
            Ports.requireFree(DemoPostOffice.smtpPort(httpPort), "the demo's SMTP server", dataDirectory);
            Ports.requireFree(DemoPostOffice.webPort(httpPort), "the demo's mailbox and SMS gateway", dataDirectory);
        }
    }

    /** The demo's post office, or null when the carrier configured both its own. */
    DemoPostOffice openPostOffice() {
        return needsPostOffice() ? DemoPostOffice.open(httpPort) : null;
    }

    /** What the server is told: the demo's addresses for the channels the carrier left unconfigured. */
    Map<String, String> environment(DemoPostOffice postOffice) {
        Map<String, String> settings = new HashMap<>();
        if (postOffice != null) {
            postOffice.environment().forEach((key, value) -> {
                boolean mail = key.startsWith("LASTMILE_MAIL_");
                if (mail ? !mailConfigured() : !smsConfigured()) {
                    settings.put(key, value);
                }
            });
        }
        return settings;
    }

    /** The lines the run command prints about where messages go. */
    List<String> describe(DemoPostOffice postOffice) {
        List<String> lines = new ArrayList<>();
        lines.add(mailConfigured()
                ? "Emails:             the carrier's SMTP server " + environment.get("LASTMILE_MAIL_HOST") + ":"
                        + environment.getOrDefault("LASTMILE_MAIL_PORT", "25") + " (LASTMILE_MAIL_*)"
                : "Emails:             the demo's local SMTP server, read them at " + postOffice.mailbox());
        lines.add(smsConfigured()
                ? "SMS:                the carrier's SMS gateway " + environment.get("LASTMILE_SMS_URL") + " (LASTMILE_SMS_URL)"
                : "SMS:                the demo's local SMS gateway, read them at " + postOffice.mailbox());
        return lines;
    }
}
