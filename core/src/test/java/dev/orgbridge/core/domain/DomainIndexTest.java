package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainIndexTest {

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("acme.com", "acme (exact)");
        RULES.put("*.acme.com", "acme (wildcard)");
        RULES.put("*.eu.acme.com", "acme europe");
        RULES.put("sales.eu.acme.com", "acme europe sales");
        RULES.put("*.globex.com", "globex");
        RULES.put("initech.co.uk", "initech");
        RULES.put("*.xn--bcher-kva.de", "bücher");
    }

    private static final DomainIndex<String> INDEX = index(RULES);

    private static DomainIndex<String> index(Map<String, String> rules) {
        DomainIndex.Builder<String> builder = DomainIndex.builder();
        rules.forEach((pattern, owner) -> builder.put(DomainPattern.parse(pattern), owner));
        return builder.build();
    }

    static Stream<Arguments> mostSpecificWins() {
        return Stream.of(
                // email domain           → owner (null: nobody),   why
                arguments("acme.com", "acme (exact)", "exact beats wildcard on the same base"),
                arguments("mail.acme.com", "acme (wildcard)", "subdomain of a wildcard"),
                arguments("eu.acme.com", "acme europe", "a wildcard claims its base; deeper beats shallower"),
                arguments("paris.eu.acme.com", "acme europe", "deeper wildcard beats shallower"),
                arguments("sales.eu.acme.com", "acme europe sales", "exact beats every wildcard above it"),
                arguments("x.sales.eu.acme.com", "acme europe", "an exact pattern claims no subdomain"),
                arguments("globex.com", "globex", "a wildcard claims its base"),
                arguments("a.b.c.globex.com", "globex", "any depth"),
                arguments("initech.co.uk", "initech", "exact"),
                arguments("mail.initech.co.uk", null, "an exact pattern claims no subdomain"),
                arguments("shop.bücher.de", "bücher", "IDN normalised before lookup"),
                arguments("evilacme.com", null, "look-alike suffix is not a subdomain"),
                arguments("acme.com.evil.io", null, "suffix of another domain"),
                arguments("\u0430cme.com", null, "Cyrillic а is another domain"),
                arguments("co.uk", null, "no match"),
                arguments("umbrella.com", null, "no match"));
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @MethodSource("mostSpecificWins")
    void mostSpecificPatternWins(String domain, String owner, String why) {
        EmailDomain email = EmailDomain.parse(domain);

        assertEquals(Optional.ofNullable(owner), INDEX.mostSpecific(email), why);
        assertEquals(Optional.ofNullable(owner), INDEX.mostSpecificMatch(email).map(DomainIndex.Match::value), why);
        INDEX.mostSpecificMatch(email).ifPresent(match -> {
            assertEquals(owner, RULES.get(match.pattern().toString()), "the match names its pattern");
            assertEquals(true, match.pattern().matches(email));
        });
    }

    @Test
    void sizeCountsPatterns() {
        assertEquals(RULES.size(), INDEX.size());
        assertEquals(0, DomainIndex.<String>builder().build().size());
    }

    @Test
    void aPatternMayBePutOnce() {
        DomainIndex.Builder<String> builder = DomainIndex.<String>builder()
                .put(DomainPattern.parse("acme.com"), "a")
                .put(DomainPattern.parse("*.acme.com"), "b");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.put(DomainPattern.parse("ACME.com."), "c"));
        assertEquals("Domain pattern acme.com was put twice", e.getMessage());
    }

    @Test
    void aBuilderBuildsOnce() {
        DomainIndex.Builder<String> builder = DomainIndex.builder();
        builder.build();

        assertThrows(IllegalStateException.class, builder::build);
        assertThrows(IllegalStateException.class, () -> builder.put(DomainPattern.parse("acme.com"), "a"));
    }

    /** The index answers what a scan of all patterns, ordered by specificity, would answer. */
    @Test
    void agreesWithAFullScanOnRandomRules() {
        SplittableRandom random = new SplittableRandom(20260601);
        String[] labels = {"a", "b", "c", "eu", "mail", "acme", "xn--bcher-kva"};
        String[] tlds = {"com", "de", "co.uk"};
        Map<DomainPattern, Integer> rules = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            rules.putIfAbsent(new DomainPattern(randomDomain(random, labels, tlds), random.nextBoolean()), i);
        }
        DomainIndex.Builder<Integer> builder = DomainIndex.builder();
        rules.forEach(builder::put);
        DomainIndex<Integer> index = builder.build();

        for (int i = 0; i < 5_000; i++) {
            EmailDomain domain = randomDomain(random, labels, tlds);
            assertEquals(scan(rules, domain), index.mostSpecific(domain), domain.ascii());
        }
    }

    private static EmailDomain randomDomain(SplittableRandom random, String[] labels, String[] tlds) {
        List<String> parts = new ArrayList<>();
        int depth = 1 + random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            parts.add(labels[random.nextInt(labels.length)]);
        }
        parts.add(tlds[random.nextInt(tlds.length)]);
        return new EmailDomain(String.join(".", parts));
    }

    /** Specification by brute force: among matching patterns, the longest base wins, then exact over wildcard. */
    private static Optional<Integer> scan(Map<DomainPattern, Integer> rules, EmailDomain domain) {
        return rules.entrySet().stream()
                .filter(rule -> rule.getKey().matches(domain))
                .max(Comparator.<Map.Entry<DomainPattern, Integer>>comparingInt(
                                rule -> rule.getKey().base().labels().size())
                        .thenComparing(rule -> !rule.getKey().wildcard()))
                .map(Map.Entry::getValue);
    }
}
