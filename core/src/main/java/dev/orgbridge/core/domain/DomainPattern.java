package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LABEL;

import java.util.Objects;

/**
 * A domain an organization (or the ignored-domain list) claims: exactly {@code acme.com}, or {@code *.acme.com},
 * which claims {@code acme.com} itself and every subdomain of it, as Keycloak organization domains do.
 *
 * @param base     the domain the pattern is about
 * @param wildcard whether subdomains of {@code base} match too
 */
public record DomainPattern(EmailDomain base, boolean wildcard) {

    private static final String WILDCARD_PREFIX = "*.";

    public DomainPattern {
        Objects.requireNonNull(base, "base");
    }

    /** Just {@code domain}. */
    public static DomainPattern exact(EmailDomain domain) {
        return new DomainPattern(domain, false);
    }

    /** {@code domain} and all its subdomains. */
    public static DomainPattern withSubdomains(EmailDomain domain) {
        return new DomainPattern(domain, true);
    }

    /**
     * Parses {@code acme.com} or {@code *.acme.com}; the domain is normalised as {@link EmailDomain#parse} does.
     * The base needs two labels or more ({@code *.com} is refused).
     *
     * @throws InvalidEmailException with the reason, for anything else
     */
    public static DomainPattern parse(String raw) {
        if (raw == null) {
            throw new InvalidEmailException(EMPTY, null);
        }
        String s = Chars.trim(raw);
        if (s.isEmpty()) {
            throw new InvalidEmailException(EMPTY, raw);
        }
        if (!s.startsWith(WILDCARD_PREFIX)) {
            return exact(EmailDomain.parseTrimmed(s));
        }
        String base = s.substring(WILDCARD_PREFIX.length());
        if (base.isEmpty()) {
            throw new InvalidEmailException(EMPTY_LABEL, s);
        }
        return withSubdomains(EmailDomain.parseTrimmed(base));
    }

    /** Whether {@code domain} is claimed by this pattern. Label-wise: {@code *.acme.com} does not match {@code evilacme.com}. */
    public boolean matches(EmailDomain domain) {
        return wildcard ? EmailDomain.isSameOrSubdomain(domain.ascii(), base.ascii()) : base.equals(domain);
    }

    /** {@code *.acme.com} or {@code acme.com}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return wildcard ? WILDCARD_PREFIX + base.ascii() : base.ascii();
    }
}
