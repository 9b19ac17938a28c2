package dev.lastmile.orders.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lastmile.model.notify.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void aPayloadSurvivesTheOutboxWhateverItsValuesHold() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", " Zoë O'Brien = \\\\ back");
        values.put("link", "http://localhost:8080/choices.html?id=1&sig=a=b");
        values.put("note", "two\nlines\r\n");
        assertEquals(values, MessageTemplate.decode(MessageTemplate.encode(values)));
    }

    @Test
    void eachMessageIsWrittenInTheRecipientsLanguage() {
        Map<String, String> values = Map.of("trackingId", "050600000000000016", "shipper", "Acme", "date", "2026-12-01",
                "link", "L", "name", "Ada");
        MessageTemplate.Rendered english = MessageTemplate.ON_ITS_WAY.render(Channel.EMAIL, "en", values);
        MessageTemplate.Rendered german = MessageTemplate.ON_ITS_WAY.render(Channel.SMS, "de", values);
        assertEquals("Your parcel from Acme is on its way", english.subject());
        assertTrue(english.text().contains("due on 2026-12-01") && english.text().contains("\nL\n"), english.text());
        assertTrue(german.text().startsWith("Paket 050600000000000016 von Acme kommt am 2026-12-01"), german.text());
    }
}
