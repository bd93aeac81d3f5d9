package dev.orgbridge.core.domain;

import java.util.Objects;

/**
 * The email an identity provider asserted, classified before any directory lookup. Only a {@link Corporate} email
 * is worth asking the directory about.
 */
public sealed interface EmailCheck
        permits EmailCheck.Missing, EmailCheck.Malformed, EmailCheck.Unverified, EmailCheck.Personal,
                EmailCheck.Corporate {

    /** The identity provider sent no email, or a blank one. */
    record Missing() implements EmailCheck {
    }

    /** The email does not parse; {@code reason} says why. */
    record Malformed(InvalidEmailException.Reason reason) implements EmailCheck {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A well-formed email the identity provider does not vouch for. */
    record Unverified(EmailAddress email) implements EmailCheck {
        public Unverified {
            Objects.requireNonNull(email, "email");
        }
    }

    /** A verified email at a personal-mail (ignored) domain. */
    record Personal(EmailAddress email) implements EmailCheck {
        public Personal {
            Objects.requireNonNull(email, "email");
        }
    }

    /** A verified email at any other domain: the one case where the domain may name an organization. */
    record Corporate(EmailAddress email) implements EmailCheck {
        public Corporate {
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * Classifies an asserted email, in this order: {@code null} or blank → {@link Missing}; does not parse →
     * {@link Malformed}; not verified → {@link Unverified}; domain ignored → {@link Personal}; otherwise
     * {@link Corporate}. Never throws for any {@code rawEmail}.
     *
     * @param rawEmail the email claim or attribute as the identity provider sent it, may be {@code null}
     * @param verified whether the identity provider (or the admin's trust in it) vouches for the email
     * @param ignored  the realm's personal-mail domains
     */
    static EmailCheck of(String rawEmail, boolean verified, IgnoredDomains ignored) {
        Objects.requireNonNull(ignored, "ignored");
        if (rawEmail == null || Chars.isBlank(rawEmail)) {
            return new Missing();
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(rawEmail);
        } catch (InvalidEmailException e) {
            return new Malformed(e.reason());
        }
        if (!verified) {
            return new Unverified(email);
        }
        return ignored.isIgnored(email.domain()) ? new Personal(email) : new Corporate(email);
    }
}
