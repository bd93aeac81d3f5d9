package dev.orgbridge.core.domain;

import java.util.Objects;

/** What a first broker login does about organizations; the adapter applies it. */
public sealed interface OrganizationDecision
        permits OrganizationDecision.Join, OrganizationDecision.JoinFallback, OrganizationDecision.Create,
                OrganizationDecision.NoOrganization, OrganizationDecision.Deny {

    /** Make the user a member of the organization that owns {@code domain}. */
    record Join(KnownOrganization organization, EmailDomain domain) implements OrganizationDecision {
        public Join {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(domain, "domain");
        }
    }

    /** Make the user a member of the realm's fallback organization, by alias. */
    record JoinFallback(String organizationAlias) implements OrganizationDecision {
        public JoinFallback {
            Objects.requireNonNull(organizationAlias, "organizationAlias");
        }
    }

    /**
     * Create an organization with {@code domain} as a verified domain, and make the user a member. The adapter
     * links the login's identity provider to it when so configured.
     */
    record Create(String name, String alias, EmailDomain domain) implements OrganizationDecision {
        public Create {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(domain, "domain");
        }
    }

    /** Let the user in without an organization; {@code why} is a short machine-readable code. */
    record NoOrganization(String why) implements OrganizationDecision {
        /** A personal-mail email, and the policy lets such users in without an organization. */
        public static final String PERSONAL_EMAIL = "personal-email";
        /** An unverified email, and the policy lets such users in without an organization. */
        public static final String UNVERIFIED_EMAIL = "unverified-email";
        /** No organization claims the domain, and the policy lets such users in without one. */
        public static final String UNKNOWN_DOMAIN = "unknown-domain";

        public NoOrganization {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Stop the login. */
    record Deny(Denial denial) implements OrganizationDecision {
        public Deny {
            Objects.requireNonNull(denial, "denial");
        }
    }
}
