package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoredDomainsTest {

    private static final IgnoredDomains BUILT_IN = IgnoredDomains.builtIn();

    private static List<DomainPattern> patterns(String... raw) {
        return Arrays.stream(raw).map(DomainPattern::parse).collect(Collectors.toList());
    }

    private static boolean ignored(IgnoredDomains ignored, String domain) {
        return ignored.isIgnored(EmailDomain.parse(domain));
    }

    @Test
    void builtInListHasAtLeast150DomainsAndIsLoadedOnce() {
        assertTrue(BUILT_IN.builtInEntries().size() >= 150, "entries: " + BUILT_IN.builtInEntries().size());
        assertSame(BUILT_IN, IgnoredDomains.builtIn());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de",
            "hotmail.it", "hotmail.es", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com",
            "rocketmail.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.de",
            "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "gmx.us", "web.de", "mail.ru", "inbox.ru", "list.ru", "bk.ru",
            "yandex.ru", "yandex.com", "ya.ru", "qq.com", "163.com", "126.com", "yeah.net", "sina.com", "aol.com",
            "zoho.com", "zohomail.com", "tutanota.com", "tuta.io", "fastmail.com", "hey.com", "mail.com",
            "email.com", "t-online.de", "freenet.de", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
            "libero.it", "virgilio.it", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl", "rediffmail.com",
            "naver.com", "daum.net", "hanmail.net", "uol.com.br", "bol.com.br", "comcast.net", "att.net",
            "verizon.net", "sbcglobal.net", "earthlink.net", "cox.net", "btinternet.com", "sky.com"})
    void builtInListNamesTheBigProviders(String domain) {
        assertTrue(BUILT_IN.builtInEntries().contains(domain), domain);
        assertTrue(ignored(BUILT_IN, domain), domain);
    }

    static Stream<Arguments> builtIn() {
        return Stream.of(
                // email domain           , ignored?
                arguments("gmail.com", true),
                arguments("GMAIL.COM.", true),
                arguments("Gmail.com", true),
                arguments(" gmail.com ", true),
                arguments("gmail.com.evil.io", false),                   // a suffix of another domain
                arguments("evilgmail.com", false),
                arguments("mail.gmail.com", false),                      // the built-in list is exact
                arguments("gm\u0430il.com", false),                      // Cyrillic а: not Google's domain
                arguments("acme.com", false));
    }

    @ParameterizedTest(name = "{0} ignored: {1}")
    @MethodSource("builtIn")
    void builtInDomainsAreMatchedExactlyAfterNormalisation(String domain, boolean isIgnored) {
        assertEquals(isIgnored, ignored(BUILT_IN, domain));
    }

    static Stream<Arguments> realmConfiguration() {
        IgnoredDomains added = BUILT_IN.with(patterns("*.example-mail.org", "freemail.example"));
        IgnoredDomains removed = added.without(patterns("gmail.com", "vip.example-mail.org", "*.yahoo.com"));
        IgnoredDomains removedFirst = BUILT_IN.without(patterns("*.example-mail.org")).with(patterns("*.example-mail.org"));
        return Stream.of(
                // configuration                , email domain              , ignored?
                arguments("additions", added, "example-mail.org", true),   // a wildcard covers its base
                arguments("additions", added, "eu.example-mail.org", true),
                arguments("additions", added, "a.b.example-mail.org", true),
                arguments("additions", added, "freemail.example", true),
                arguments("additions", added, "x.freemail.example", false),
                arguments("additions", added, "gmail.com", true),           // built-in still there
                arguments("removals", removed, "gmail.com", false),         // removal beats built-in
                arguments("removals", removed, "googlemail.com", true),
                arguments("removals", removed, "vip.example-mail.org", false), // removal beats an addition
                arguments("removals", removed, "x.vip.example-mail.org", true), // exact removal: subdomains stay
                arguments("removals", removed, "eu.example-mail.org", true),
                arguments("removals", removed, "yahoo.com", false),          // a wildcard removal covers its base
                arguments("removals", removed, "yahoo.co.uk", true),
                arguments("removal, then addition", removedFirst, "eu.example-mail.org", false));
    }

    @ParameterizedTest(name = "{0}: {2} ignored: {3}")
    @MethodSource("realmConfiguration")
    void realmsAddAndRemoveDomainsAndRemovalsWin(String configuration, IgnoredDomains configured, String domain,
                                                 boolean isIgnored) {
        assertEquals(isIgnored, ignored(configured, domain));
    }

    @Test
    void additionsAndRemovalsLeaveTheBuiltInListAlone() {
        IgnoredDomains configured = BUILT_IN.with(patterns("*.example-mail.org")).without(patterns("gmail.com"));

        assertEquals(BUILT_IN.builtInEntries(), configured.builtInEntries());
        assertTrue(configured.builtInEntries().contains("gmail.com"));
        assertEquals(patterns("*.example-mail.org"), List.copyOf(configured.additions()));
        assertEquals(patterns("gmail.com"), List.copyOf(configured.removals()));
        assertTrue(ignored(BUILT_IN, "gmail.com"), "the original is unchanged");
    }

    @Test
    void noneIgnoresNothing() {
        assertEquals(false, ignored(IgnoredDomains.none(), "gmail.com"));
        assertTrue(ignored(IgnoredDomains.none().with(patterns("gmail.com")), "gmail.com"));
    }

    static Stream<Arguments> badLists() {
        return Stream.of(
                // file content                                   → message
                arguments("gmail.com\n\n# comment\nbad..com\n", "test.txt line 4: Invalid email address or domain:"
                        + " empty domain, or an empty label in it (leading dot or two dots in a row)"
                        + " (input \"bad..com\")"),
                arguments("gmail.com\n*.gmail.com\n", "test.txt line 2: Invalid email address or domain: illegal"),
                arguments("gmail.com # Google\nGmail.com\n", "test.txt line 2: write \"Gmail.com\" as \"gmail.com\""),
                arguments("gmail.com\nbücher.de\n", "test.txt line 2: write \"bücher.de\" as \"xn--bcher-kva.de\""),
                arguments("gmail.com\nyahoo.com\ngmail.com\n", "test.txt line 3: gmail.com is listed twice"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badLists")
    void aBadLineInTheListFailsLoudlyWithItsLineNumber(String content, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IgnoredDomains.load(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test.txt"));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
