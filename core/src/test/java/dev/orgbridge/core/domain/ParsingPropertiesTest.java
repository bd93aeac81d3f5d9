package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Properties over arbitrary input: the parsers never throw anything but {@link InvalidEmailException} (so a login
 * never ends in a server error), and what they produce parses back to itself.
 */
class ParsingPropertiesTest {

    private static final int TRIES = 10_000;
    private static final Pattern CANONICAL_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Characters that exercise every branch: ASCII letters of both cases, digits, '-', separators and full stops of
     * other scripts, whitespace, control characters, combining marks, look-alikes, right-to-left letters, full-width
     * forms, characters IDNA maps away or folds, and both halves of a surrogate pair (alone, too).
     */
    private static final String TRICKY = "abcxyzABCXYZ0189--._ \t;*@"
            + "üÄößİıẞ\u0308\u0301\u0430\u0435\u03b1\u05d0\u0627\uff41\uff21\uff0e\u3002\uff61\uff20"
            + "\u200b\u200d\u00ad\u2024\u0000\u0007\u0085\u00a0\u2028\u202e\ufeff\uffff\ud83d\ude00\u13a0";

    /** Any text at all: arbitrary UTF-16 (lone surrogates included), long strings, and long runs of tricky characters. */
    private static Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(200).ofMaxLength(5_000)),
                Tuple.of(1, Arbitraries.strings().withChars(TRICKY).ofMinLength(1_000).ofMaxLength(3_000)));
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.frequencyOf(Tuple.of(1, anyText()), Tuple.of(3, emailLike()));
    }

    @Provide
    Arbitrary<String> domains() {
        return Arbitraries.frequencyOf(Tuple.of(1, anyText()), Tuple.of(3, domainLike()));
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.frequencyOf(Tuple.of(1, anyText()), Tuple.of(2, domainLike()),
                Tuple.of(2, domainLike().map(domain -> "*." + domain)));
    }

    private static Arbitrary<String> label() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.strings().withCharRange('a', 'z').withChars("ABZ0189-")
                        .ofMinLength(1).ofMaxLength(12)),
                Tuple.of(4, Arbitraries.strings().withChars("abcxyzüäößÄÖÜа\u0308")
                        .ofMinLength(1).ofMaxLength(12)),
                Tuple.of(2, Arbitraries.strings().withChars(TRICKY).ofMinLength(0).ofMaxLength(10)),
                Tuple.of(1, Arbitraries.strings().withChars("aüAÜ0-").ofMinLength(55).ofMaxLength(70)));
    }

    private static Arbitrary<String> domainLike() {
        Arbitrary<String> separator = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(".")), Tuple.of(1, Arbitraries.just("\u3002")),
                Tuple.of(1, Arbitraries.just("..")));
        Arbitrary<String> end = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("")), Tuple.of(2, Arbitraries.just(".")),
                Tuple.of(1, Arbitraries.just("..")));
        Arbitrary<String> space = Arbitraries.of("", "", "", " ", "\t", "\u00a0");
        return Combinators.combine(label().list().ofMinSize(1).ofMaxSize(5), separator, end, space)
                .as((labels, dot, suffix, blank) -> blank + String.join(dot, labels) + suffix + blank);
    }

    private static Arbitrary<String> emailLike() {
        Arbitrary<String> local = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().withChars(".+-_")
                        .ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().withChars(TRICKY).ofMinLength(0).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().withChars("xü").ofMinLength(60).ofMaxLength(70)));
        Arbitrary<String> atSign = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("@")),
                Tuple.of(1, Arbitraries.just("@@")), Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("\uff20")));
        return Combinators.combine(local, atSign, domainLike())
                .as((localPart, at, domain) -> localPart + at + domain);
    }

    @Property(tries = TRIES)
    @StatisticsReport(onFailureOnly = true)
    void emailAddressParsingFailsOnlyWithInvalidEmailExceptionAndIsIdempotent(@ForAll("addresses") String raw) {
        String outcome;
        try {
            EmailAddress email = EmailAddress.parse(raw);
            assertEquals(email, EmailAddress.parse(email.toString()));
            assertTrue(email.localPart().codePointCount(0, email.localPart().length()) <= 64);
            assertCanonical(email.domain());
            outcome = "parsed";
        } catch (InvalidEmailException e) {
            assertSafe(e);
            outcome = "refused: " + e.reason();
        }
        Statistics.label("address").collect(outcome)
                .coverage(coverage -> coverage.check("parsed").percentage(p -> p >= 2));
    }

    @Property(tries = TRIES)
    @StatisticsReport(onFailureOnly = true)
    void emailDomainParsingFailsOnlyWithInvalidEmailExceptionAndIsIdempotent(@ForAll("domains") String raw) {
        String outcome;
        try {
            EmailDomain domain = EmailDomain.parse(raw);
            assertCanonical(domain);
            assertEquals(domain, EmailDomain.parse(domain.ascii()));
            assertEquals(domain, EmailDomain.parse(domain.unicode()), "the display form parses back");
            assertEquals(domain, new EmailDomain(domain.ascii()));
            outcome = domain.ascii().contains("xn--") ? "parsed (IDN)" : "parsed (ASCII)";
        } catch (InvalidEmailException e) {
            assertSafe(e);
            outcome = "refused: " + e.reason();
        }
        Statistics.label("domain").collect(outcome).coverage(coverage -> {
            coverage.check("parsed (IDN)").percentage(p -> p >= 2);
            coverage.check("parsed (ASCII)").percentage(p -> p >= 2);
        });
    }

    @Property(tries = TRIES)
    @StatisticsReport(onFailureOnly = true)
    void domainPatternParsingFailsOnlyWithInvalidEmailExceptionAndIsIdempotent(@ForAll("patterns") String raw) {
        String outcome;
        try {
            DomainPattern pattern = DomainPattern.parse(raw);
            assertEquals(pattern, DomainPattern.parse(pattern.toString()));
            assertTrue(pattern.matches(pattern.base()));
            outcome = pattern.wildcard() ? "parsed (wildcard)" : "parsed (exact)";
        } catch (InvalidEmailException e) {
            assertSafe(e);
            outcome = "refused: " + e.reason();
        }
        Statistics.label("pattern").collect(outcome).coverage(coverage -> {
            coverage.check("parsed (wildcard)").percentage(p -> p >= 2);
            coverage.check("parsed (exact)").percentage(p -> p >= 2);
        });
    }

    @Property(tries = TRIES)
    @StatisticsReport(onFailureOnly = true)
    void emailCheckNeverThrows(@ForAll("addresses") String raw, @ForAll boolean verified) {
        EmailCheck check = EmailCheck.of(raw, verified, IgnoredDomains.builtIn());

        Statistics.label("check").collect(check.getClass().getSimpleName())
                .coverage(coverage -> coverage.check("Corporate").percentage(p -> p >= 1));
    }

    private static void assertCanonical(EmailDomain domain) {
        String ascii = domain.ascii();
        assertTrue(ascii.length() <= EmailDomain.MAX_LENGTH, ascii);
        assertTrue(domain.labels().size() >= 2, ascii);
        for (String label : domain.labels()) {
            assertTrue(CANONICAL_LABEL.matcher(label).matches(), ascii);
        }
    }

    private static void assertSafe(InvalidEmailException e) {
        String message = e.getMessage();
        assertTrue(message.length() < 400, message);
        assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
    }
}
