package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.InvalidEmailException.Reason.DOMAIN_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LABEL;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.ILLEGAL_CHARACTER;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.INVALID_IDN;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.LABEL_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.SINGLE_LABEL_DOMAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.InvalidEmailException.Reason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailDomainTest {

    /** A domain of exactly {@code length} characters, in labels of at most 63. */
    static String domainOfLength(int length) {
        StringBuilder domain = new StringBuilder();
        while (domain.length() < length) {
            if (domain.length() > 0) {
                domain.append('.');
            }
            int label = Math.min(63, length - domain.length());
            domain.append("a".repeat(label));
        }
        return domain.toString();
    }

    static Stream<Arguments> normalisation() {
        return Stream.of(
                // raw input                          → canonical ASCII form
                arguments("acme.com", "acme.com"),
                arguments("ACME.COM", "acme.com"),
                arguments("Mail.Eu.Acme.Com", "mail.eu.acme.com"),
                arguments("  acme.com\t\n", "acme.com"),
                arguments("\u00a0acme.com\u2003", "acme.com"),          // no-break space, em space
                arguments("acme.com.", "acme.com"),                      // one trailing dot
                arguments("a-b.c0m", "a-b.c0m"),
                arguments("123.com", "123.com"),
                arguments("ab--cd.com", "ab--cd.com"),
                arguments("bücher.de", "xn--bcher-kva.de"),
                arguments("BÜCHER.DE.", "xn--bcher-kva.de"),
                arguments("b\u00fccher.de", "xn--bcher-kva.de"),         // NFC: ü as one code point
                arguments("bu\u0308cher.de", "xn--bcher-kva.de"),        // NFD: u + combining diaeresis
                arguments("xn--bcher-kva.de", "xn--bcher-kva.de"),       // punycode stays punycode
                arguments("XN--BCHER-KVA.DE", "xn--bcher-kva.de"),
                arguments("ÄCME.de", "xn--cme-pla.de"),
                arguments("äcme.de", "xn--cme-pla.de"),
                arguments("münchen.de", "xn--mnchen-3ya.de"),
                arguments("пример.испытание", "xn--e1afmkfd.xn--80akhbyknj4f"),
                arguments("\uff41\uff43\uff4d\uff45.com", "acme.com"),  // full-width letters: the same DNS name
                arguments("acme\u3002com", "acme.com"),                  // ideographic full stop
                arguments("acme\uff0ecom", "acme.com"),                  // full-width full stop
                arguments("ac\u200bme.com", "acme.com"),                 // zero-width space: mapped away by IDNA
                arguments("straße.de", "strasse.de"),                    // IDNA 2003 (java.net.IDN) maps ß to ss
                arguments(domainOfLength(253), domainOfLength(253)),     // longest domain
                arguments(domainOfLength(253) + ".", domainOfLength(253)),
                arguments("a".repeat(63) + ".com", "a".repeat(63) + ".com"));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("normalisation")
    void normalisesToOneCanonicalForm(String raw, String canonical) {
        EmailDomain domain = EmailDomain.parse(raw);

        assertEquals(canonical, domain.ascii());
        assertEquals(canonical, domain.toString());
        assertEquals(domain, EmailDomain.parse(domain.ascii()), "parsing the canonical form again");
        assertEquals(domain, EmailDomain.parse(domain.unicode()), "parsing the display form again");
    }

    static Stream<Arguments> lookalikes() {
        return Stream.of(
                // a look-alike                     , the domain it imitates
                arguments("\u0430cme.com", "acme.com"),                  // Cyrillic а
                arguments("acm\u0435.com", "acme.com"),                  // Cyrillic е
                arguments("gm\u0430il.com", "gmail.com"),
                arguments("g\u043eogle.com", "google.com"),              // Cyrillic о
                arguments("\u03b1cme.com", "acme.com"),                  // Greek alpha
                arguments("acme.c\u043em", "acme.com"));
    }

    @ParameterizedTest(name = "\"{0}\" is not {1}")
    @MethodSource("lookalikes")
    void lookAlikeLettersFromOtherScriptsStayDifferentDomains(String lookalike, String original) {
        EmailDomain domain = EmailDomain.parse(lookalike);

        assertNotEquals(EmailDomain.parse(original), domain);
        assertTrue(domain.ascii().contains("xn--"), domain.ascii());
        assertEquals(lookalike, domain.unicode(), "shown to admins as the user typed it");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // raw input                            → reason
                arguments(null, EMPTY),
                arguments("", EMPTY),
                arguments("   ", EMPTY),
                arguments("\t\n", EMPTY),
                arguments(".", EMPTY_LABEL),
                arguments("a..b.com", EMPTY_LABEL),
                arguments(".acme.com", EMPTY_LABEL),
                arguments("acme.com..", EMPTY_LABEL),                     // only one trailing dot is stripped
                arguments("acme\u3002\u3002com", EMPTY_LABEL),
                arguments("a".repeat(64) + ".com", LABEL_TOO_LONG),
                arguments(domainOfLength(254), DOMAIN_TOO_LONG),
                arguments("a.".repeat(2000) + "com", DOMAIN_TOO_LONG),
                arguments("exa mple.com", ILLEGAL_CHARACTER),
                arguments("example;com", ILLEGAL_CHARACTER),
                arguments("acme_corp.com", ILLEGAL_CHARACTER),
                arguments("-acme.com", ILLEGAL_CHARACTER),
                arguments("acme-.com", ILLEGAL_CHARACTER),
                arguments("acme.-com", ILLEGAL_CHARACTER),
                arguments("*.acme.com", ILLEGAL_CHARACTER),
                arguments("[10.0.0.1]", ILLEGAL_CHARACTER),
                arguments("acme.com/path", ILLEGAL_CHARACTER),
                arguments("ac\u0000me.com", ILLEGAL_CHARACTER),           // control characters
                arguments("acme.com\u0007", ILLEGAL_CHARACTER),
                arguments("acme\u0085x.com", ILLEGAL_CHARACTER),
                arguments("bü cher.de", ILLEGAL_CHARACTER),
                arguments("bücher\u0000.de", ILLEGAL_CHARACTER),
                arguments("a\u2024b.com", ILLEGAL_CHARACTER),            // ONE DOT LEADER would fold into a dot
                arguments("ａｃｍｅ；.com", ILLEGAL_CHARACTER),            // full-width semicolon folds to ';'
                arguments("localhost", SINGLE_LABEL_DOMAIN),
                arguments("com.", SINGLE_LABEL_DOMAIN),
                arguments("bücher", SINGLE_LABEL_DOMAIN),
                arguments("xn--zz.com", INVALID_IDN),                     // punycode that does not decode
                arguments("xn--acme-.com", ILLEGAL_CHARACTER),
                arguments("xn--bücher.de", INVALID_IDN),                 // ACE prefix on a Unicode label
                arguments("\u05d0a.com", INVALID_IDN),                    // mixes right-to-left and left-to-right
                arguments("a\uffffb.com", INVALID_IDN),                   // not a character
                arguments("a\ud800b.com", ILLEGAL_CHARACTER),             // half a surrogate pair
                arguments("ü".repeat(70) + ".de", INVALID_IDN));        // punycode form over 63 characters
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("malformed")
    void refusesMalformedDomains(String raw, Reason reason) {
        InvalidEmailException e = assertThrows(InvalidEmailException.class, () -> EmailDomain.parse(raw));

        assertEquals(reason, e.reason());
    }

    @Test
    void labelsAreListedLeftToRight() {
        assertEquals(List.of("mail", "eu", "acme", "com"), EmailDomain.parse("Mail.EU.acme.com").labels());
    }

    static Stream<Arguments> parents() {
        return Stream.of(
                arguments("a.b.c", Optional.of("b.c")),
                arguments("mail.eu.acme.com", Optional.of("eu.acme.com")),
                arguments("acme.co.uk", Optional.of("co.uk")),
                arguments("acme.com", Optional.empty()));
    }

    @ParameterizedTest(name = "parent of {0} is {1}")
    @MethodSource("parents")
    void parentIsOneLevelUpAndNeverASingleLabel(String domain, Optional<String> parent) {
        assertEquals(parent.map(EmailDomain::parse), EmailDomain.parse(domain).parent());
    }

    @Test
    void unicodeIsForDisplay() {
        assertEquals("bücher.de", EmailDomain.parse("xn--bcher-kva.de").unicode());
        assertEquals("acme.com", EmailDomain.parse("ACME.com").unicode());
    }

    @Test
    void subdomainsAreMatchedLabelWise() {
        EmailDomain acme = EmailDomain.parse("acme.com");

        assertTrue(EmailDomain.parse("acme.com").isSameOrSubdomainOf(acme));
        assertTrue(EmailDomain.parse("mail.acme.com").isSameOrSubdomainOf(acme));
        assertTrue(!EmailDomain.parse("evilacme.com").isSameOrSubdomainOf(acme));
        assertTrue(!acme.isSameOrSubdomainOf(EmailDomain.parse("mail.acme.com")));
    }

    static Stream<Arguments> nonCanonical() {
        return Stream.of(
                arguments("Acme.com", ILLEGAL_CHARACTER),
                arguments("acme.com.", EMPTY_LABEL),
                arguments(" acme.com", ILLEGAL_CHARACTER),
                arguments("bücher.de", ILLEGAL_CHARACTER),
                arguments("", EMPTY));
    }

    @ParameterizedTest(name = "new EmailDomain(\"{0}\") → {1}")
    @MethodSource("nonCanonical")
    void constructorAcceptsOnlyTheCanonicalForm(String ascii, Reason reason) {
        assertEquals(reason, assertThrows(InvalidEmailException.class, () -> new EmailDomain(ascii)).reason());
    }
}
