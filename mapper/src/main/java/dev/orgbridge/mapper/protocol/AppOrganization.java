package dev.orgbridge.mapper.protocol;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.domain.EmailDomain;
import dev.orgbridge.core.domain.InvalidEmailException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's organization as downstream apps see it.
 *
 * @param domain the organization's domain for this user: the one equal to the user's email domain if the organization
 *               has it, else its first domain in alphabetical order; empty for an organization without domains
 */
record AppOrganization(String id, String alias, String name, Optional<String> domain) {

    AppOrganization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
    }

    /** Which of the organization's domains to hand to the app for a user with this email (may be null). */
    static Optional<String> domainFor(Collection<String> organizationDomains, String email) {
        Optional<String> emailDomain = emailDomain(email);
        return organizationDomains.stream()
                .filter(Objects::nonNull)
                .sorted()
                .filter(domain -> emailDomain.isPresent() && emailDomain.get().equals(canonical(domain)))
                .findFirst()
                .or(() -> organizationDomains.stream().filter(Objects::nonNull).sorted().findFirst());
    }

    private static Optional<String> emailDomain(String email) {
        if (email == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.parse(email).domain().ascii());
        } catch (InvalidEmailException e) {
            return Optional.empty();
        }
    }

    /** An organization domain in the form email domains are compared in; as it is (lower case) if it is no domain. */
    private static String canonical(String domain) {
        try {
            return EmailDomain.parse(domain).ascii();
        } catch (InvalidEmailException e) {
            return domain.toLowerCase(Locale.ROOT);
        }
    }
}
