package dev.lastmile.orders.notify.control;

import dev.lastmile.model.notify.Channel;
import dev.lastmile.model.tracking.TrackingCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages recipients get, with their texts per language in
 * {@code notifications/messages_<language>.properties}: keys {@code <template>.subject},
 * {@code <template>.email} and {@code <template>.sms}, placeholders in braces.
 */
public enum MessageTemplate {
    ON_ITS_WAY, SLOT_CONFIRMED, OUT_FOR_DELIVERY, DELIVERED, ATTEMPT_FAILED, YOU_ARE_NEXT, RUNNING_LATE, WINDOW_MOVED;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public record Rendered(String subject, String text) {
    }

    /** The recipient hears of these steps; the rest appear on the tracking page only. */
    static MessageTemplate forStep(TrackingCode code) {
        return switch (code) {
            case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
            case DELIVERED -> DELIVERED;
            case ATTEMPT_FAILED -> ATTEMPT_FAILED;
            default -> null;
        };
    }

    public Rendered render(Channel channel, String language, Map<String, String> values) {
        ResourceBundle texts = bundle(language);
        String body = texts.getString(key() + (channel == Channel.SMS ? ".sms" : ".email"));
        return new Rendered(fill(texts.getString(key() + ".subject"), values), fill(body, values));
    }

    private String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ResourceBundle bundle(String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        return ResourceBundle.getBundle("notifications.messages", locale, MessageTemplate.class.getClassLoader(),
                NO_DEFAULT_LOCALE);
    }

    static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(filled).toString();
    }

    /** Properties format (read back by {@link #decode}), written by hand: bulk intake encodes one per parcel. */
    public static String encode(Map<String, String> values) {
        StringBuilder out = new StringBuilder(256);
        values.forEach((key, value) -> out.append(key).append('=').append(escaped(value)).append('\n'));
        return out.toString();
    }

    private static String escaped(String value) {
        String text = value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return text.startsWith(" ") ? "\\" + text : text;
    }

    public static Map<String, String> decode(String payload) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }
}
