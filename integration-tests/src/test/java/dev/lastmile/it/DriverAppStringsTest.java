package dev.lastmile.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The driver's app says everything in each of its languages: every string its scripts ask for is in the
 * English file, and every language file has the same keys with the same placeholders.
 */
class DriverAppStringsTest {

    private static final Path APP = Path.of("..", "web", "src", "main", "webapp", "driver");
    private static final Pattern ASKED = Pattern.compile("\\bt\\('([A-Za-z]+)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static JsonObject strings(String language) throws IOException {
        try (Reader reader = Files.newBufferedReader(APP.resolve("i18n").resolve(language + ".json"))) {
            return Json.createReader(reader).readObject();
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void everyStringTheScriptsAskForIsThere() throws IOException {
        JsonObject english = strings("en");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(APP.resolve("js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher asked = ASKED.matcher(Files.readString(script));
                while (asked.find()) {
                    if (!english.containsKey(asked.group(1))) {
                        missing.add(script.getFileName() + ": " + asked.group(1));
                    }
                }
            }
        }
        assertTrue(english.size() > 100, "the English strings were read: " + english.size());
        assertEquals(List.of(), missing, "strings the app asks for but en.json lacks");
    }

    @Test
    void germanHasEveryEnglishStringWithTheSamePlaceholders() throws IOException {
        JsonObject english = strings("en");
        JsonObject german = strings("de");
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(german.keySet()));
        for (String key : english.keySet()) {
            assertEquals(placeholders(english.getString(key)), placeholders(german.getString(key)), key);
        }
    }
}
