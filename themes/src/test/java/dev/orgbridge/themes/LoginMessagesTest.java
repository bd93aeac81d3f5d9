package dev.orgbridge.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.core.domain.Denial;
import dev.orgbridge.core.mapping.MappingDenial;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every page a denial shows has its message, in every language Orgbridge ships. */
class LoginMessagesTest {

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = LoginMessagesTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void everyDenialHasAnEnglishMessage() throws IOException {
        Properties english = messages("en");
        Stream.concat(Arrays.stream(Denial.values()).map(Denial::messageKey),
                        Arrays.stream(MappingDenial.values()).map(MappingDenial::messageKey))
                .forEach(key -> assertTrue(english.containsKey(key), key + " missing in messages_en"));
        assertTrue(english.containsKey("orgbridgeMisconfigured"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyLanguageHasTheEnglishKeys(String language) throws IOException {
        assertEquals(messages("en").keySet(), messages(language).keySet());
    }
}
