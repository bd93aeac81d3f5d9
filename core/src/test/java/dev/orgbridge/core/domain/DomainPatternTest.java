package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LABEL;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.ILLEGAL_CHARACTER;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.SINGLE_LABEL_DOMAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.InvalidEmailException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainPatternTest {

    static Stream<Arguments> parsing() {
        return Stream.of(
                // raw pattern         → written back,         wildcard?
                arguments("acme.com", "acme.com", false),
                arguments("*.acme.com", "*.acme.com", true),
                arguments("  *.ACME.com.  ", "*.acme.com", true),
                arguments("Mail.Acme.Com", "mail.acme.com", false),
                arguments("*.bücher.de", "*.xn--bcher-kva.de", true),
                arguments("*.co.uk", "*.co.uk", true));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("parsing")
    void parses(String raw, String written, boolean wildcard) {
        DomainPattern pattern = DomainPattern.parse(raw);

        assertEquals(written, pattern.toString());
        assertEquals(wildcard, pattern.wildcard());
        assertEquals(pattern, DomainPattern.parse(pattern.toString()), "parsing the written form again");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments(null, EMPTY),
                arguments(" ", EMPTY),
                arguments("*.", EMPTY_LABEL),
                arguments("*..acme.com", EMPTY_LABEL),
                arguments("*", ILLEGAL_CHARACTER),
                arguments("*acme.com", ILLEGAL_CHARACTER),
                arguments("**.acme.com", ILLEGAL_CHARACTER),
                arguments("*.*.acme.com", ILLEGAL_CHARACTER),
                arguments("mail.*.acme.com", ILLEGAL_CHARACTER),
                arguments("acme.*", ILLEGAL_CHARACTER),
                arguments("* .acme.com", ILLEGAL_CHARACTER),
                arguments("*.com", SINGLE_LABEL_DOMAIN),                  // no wildcard over a whole top-level domain
                arguments("com", SINGLE_LABEL_DOMAIN));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("malformed")
    void refusesMalformedPatterns(String raw, Reason reason) {
        assertEquals(reason, assertThrows(InvalidEmailException.class, () -> DomainPattern.parse(raw)).reason());
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                // pattern        , domain                , matches?
                arguments("acme.com", "acme.com", true),
                arguments("acme.com", "ACME.COM.", true),
                arguments("acme.com", "mail.acme.com", false),            // exact means exact
                arguments("*.acme.com", "acme.com", true),                // a wildcard also claims its base
                arguments("*.acme.com", "mail.acme.com", true),
                arguments("*.acme.com", "a.b.c.acme.com", true),
                arguments("*.acme.com", "evilacme.com", false),           // look-alike suffix, not a subdomain
                arguments("*.acme.com", "acme.com.evil.io", false),
                arguments("*.acme.com", "acme.co", false),
                arguments("*.acme.com", "\u0430cme.com", false),          // Cyrillic а
                arguments("*.eu.acme.com", "acme.com", false),
                arguments("*.eu.acme.com", "paris.eu.acme.com", true),
                arguments("*.bücher.de", "shop.xn--bcher-kva.de", true));
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @MethodSource("matching")
    void matches(String pattern, String domain, boolean matches) {
        assertEquals(matches, DomainPattern.parse(pattern).matches(EmailDomain.parse(domain)));
    }
}
