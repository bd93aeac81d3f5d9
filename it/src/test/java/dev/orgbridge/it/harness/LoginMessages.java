package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipFile;

/** The English texts of Orgbridge's login messages, as the bundle ships them and Keycloak renders them. */
public final class LoginMessages {

    private static final String ENGLISH = "theme-resources/messages/messages_en.properties";
    private static final Properties MESSAGES = load();

    private LoginMessages() {
    }

    public static String english(String key) {
        String pattern = MESSAGES.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("the bundle has no English message " + key);
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(new Object[0]);
    }

    private static Properties load() {
        try (ZipFile jar = new ZipFile(BundleJar.path().toFile())) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(jar.getInputStream(jar.getEntry(ENGLISH)), StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
