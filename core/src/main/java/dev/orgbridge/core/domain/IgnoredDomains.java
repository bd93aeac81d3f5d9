package dev.orgbridge.core.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Personal-mail ("ignored") domains: an email there says nothing about the user's employer.
 *
 * <p>{@link #builtIn()} is the list shipped in {@value #RESOURCE}; a realm adds its own patterns with
 * {@link #with} and takes any out with {@link #without}. A removal always wins: a domain matched by any removal
 * pattern is not ignored, whichever list (built-in or additions) names it and in whichever order the calls came.
 * Immutable and thread-safe.
 */
public final class IgnoredDomains {

    /** Where the built-in list lives, relative to this class. One domain per line, {@code #} starts a comment. */
    public static final String RESOURCE = "personal-mail-domains.txt";

    private final Set<String> builtIn;
    private final PatternSet additions;
    private final PatternSet removals;

    private IgnoredDomains(Set<String> builtIn, PatternSet additions, PatternSet removals) {
        this.builtIn = builtIn;
        this.additions = additions;
        this.removals = removals;
    }

    /** The built-in list, loaded once per class loader. */
    public static IgnoredDomains builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** No domain ignored (what a realm gets by removing everything, or tests that want a blank slate). */
    public static IgnoredDomains none() {
        return new IgnoredDomains(Set.of(), PatternSet.EMPTY, PatternSet.EMPTY);
    }

    /** These domains plus {@code additions} (e.g. a realm's {@code *.example-mail.org}). */
    public IgnoredDomains with(Collection<DomainPattern> additions) {
        return new IgnoredDomains(builtIn, this.additions.plus(additions), removals);
    }

    /** These domains less everything {@code removals} match; removals win over the built-in list and additions. */
    public IgnoredDomains without(Collection<DomainPattern> removals) {
        return new IgnoredDomains(builtIn, additions, this.removals.plus(removals));
    }

    public boolean isIgnored(EmailDomain domain) {
        Objects.requireNonNull(domain, "domain");
        if (removals.matches(domain)) {
            return false;
        }
        return builtIn.contains(domain.ascii()) || additions.matches(domain);
    }

    /** The built-in domains (canonical ASCII, sorted), whatever was added or removed. */
    public Set<String> builtInEntries() {
        return Collections.unmodifiableSet(new TreeSet<>(builtIn));
    }

    /** The patterns added on top of the built-in list, in the order given. */
    public Set<DomainPattern> additions() {
        return additions.patterns();
    }

    /** The patterns taken out, in the order given. */
    public Set<DomainPattern> removals() {
        return removals.patterns();
    }

    @Override
    public String toString() {
        return "IgnoredDomains[builtIn=" + builtIn.size() + " domains, additions=" + additions.patterns()
                + ", removals=" + removals.patterns() + "]";
    }

    /** Reads the built-in list; any bad line is a build-time bug and fails loudly with its line number. */
    static Set<String> load(InputStream in, String source) throws IOException {
        Set<String> domains = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                int comment = line.indexOf('#');
                String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (entry.isEmpty()) {
                    continue;
                }
                String where = source + " line " + lineNumber + ": ";
                EmailDomain domain;
                try {
                    domain = EmailDomain.parse(entry);
                } catch (InvalidEmailException e) {
                    throw new IllegalStateException(where + e.getMessage(), e);
                }
                if (!domain.ascii().equals(entry)) {
                    throw new IllegalStateException(where + "write \"" + entry + "\" as \"" + domain.ascii() + "\"");
                }
                if (!domains.add(entry)) {
                    throw new IllegalStateException(where + entry + " is listed twice");
                }
            }
        }
        return Set.copyOf(domains);
    }

    private static final class BuiltIn {
        static final IgnoredDomains INSTANCE = new IgnoredDomains(loadBuiltIn(), PatternSet.EMPTY, PatternSet.EMPTY);

        private static Set<String> loadBuiltIn() {
            try (InputStream in = IgnoredDomains.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Orgbridge's personal-mail domain list " + RESOURCE
                            + " is missing from the jar");
                }
                return load(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("Orgbridge's personal-mail domain list " + RESOURCE + " is unreadable", e);
            }
        }
    }

    /** Exact domains and wildcard bases, matched with one hash probe per label. */
    static final class PatternSet {

        static final PatternSet EMPTY = new PatternSet(Set.of(), Set.of(), Set.of());

        private final Set<DomainPattern> patterns;
        private final Set<String> exact;
        private final Set<String> wildcardBases;

        private PatternSet(Set<DomainPattern> patterns, Set<String> exact, Set<String> wildcardBases) {
            this.patterns = patterns;
            this.exact = exact;
            this.wildcardBases = wildcardBases;
        }

        PatternSet plus(Collection<DomainPattern> more) {
            Objects.requireNonNull(more, "patterns");
            Set<DomainPattern> all = new LinkedHashSet<>(patterns);
            for (DomainPattern pattern : more) {
                all.add(Objects.requireNonNull(pattern, "pattern"));
            }
            Set<String> exactNames = new HashSet<>();
            Set<String> bases = new HashSet<>();
            for (DomainPattern pattern : all) {
                (pattern.wildcard() ? bases : exactNames).add(pattern.base().ascii());
            }
            return new PatternSet(Collections.unmodifiableSet(all), Set.copyOf(exactNames), Set.copyOf(bases));
        }

        Set<DomainPattern> patterns() {
            return patterns;
        }

        boolean matches(EmailDomain domain) {
            String ascii = domain.ascii();
            if (exact.contains(ascii)) {
                return true;
            }
            if (wildcardBases.isEmpty()) {
                return false;
            }
            if (wildcardBases.contains(ascii)) {
                return true;
            }
            for (int dot = ascii.indexOf('.'); dot >= 0; dot = ascii.indexOf('.', dot + 1)) {
                if (ascii.indexOf('.', dot + 1) < 0) {
                    return false;
                }
                if (wildcardBases.contains(ascii.substring(dot + 1))) {
                    return true;
                }
            }
            return false;
        }
    }
}
