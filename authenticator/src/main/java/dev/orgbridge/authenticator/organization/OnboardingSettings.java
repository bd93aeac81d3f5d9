package dev.orgbridge.authenticator.organization;

import dev.orgbridge.core.domain.DomainPattern;
import dev.orgbridge.core.domain.IgnoredDomains;
import dev.orgbridge.core.domain.InvalidEmailException;
import dev.orgbridge.core.domain.OnboardingPolicy;
import dev.orgbridge.core.domain.PersonalEmailAction;
import dev.orgbridge.core.domain.UnknownDomainAction;
import dev.orgbridge.core.domain.UnverifiedEmailAction;
import dev.orgbridge.support.config.InvalidSettingsException;
import dev.orgbridge.support.config.SettingsReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The organization-onboarding policy: the config of the "Orgbridge: decide organization" step, edited in the
 * admin console on that step and exported with the realm. Parsed per login (cheap) and validated with messages that
 * name the option; the first-broker-login and post-broker-login executions share one config.
 */
public record OnboardingSettings(OnboardingPolicy policy, IgnoredDomains ignoredDomains, Membership membership,
                                 boolean createUsers, boolean linkIdpOnCreate, String organizationNameClaim,
                                 String emailVerifiedClaim, Map<String, String> organizationAttributes) {

    /** How a user joins an organization; a managed member is deleted when removed from the organization. */
    public enum Membership { UNMANAGED, MANAGED }

    public static final String UNVERIFIED_EMAIL = "unverifiedEmail";
    public static final String PERSONAL_EMAIL = "personalEmail";
    public static final String FALLBACK_ORGANIZATION = "fallbackOrganization";
    public static final String IGNORED_DOMAINS_ADDED = "ignoredDomainsAdded";
    public static final String IGNORED_DOMAINS_REMOVED = "ignoredDomainsRemoved";
    public static final String UNKNOWN_DOMAIN = "unknownDomain";
    public static final String IDPS_ALLOWED_TO_CREATE = "idpsAllowedToCreate";
    public static final String LINK_IDP_ON_CREATE = "linkIdpOnCreate";
    public static final String ORGANIZATION_NAME_CLAIM = "organizationNameClaim";
    public static final String MEMBERSHIP = "membership";
    public static final String CREATE_USERS = "createUsers";
    public static final String EMAIL_VERIFIED_CLAIM = "emailVerifiedClaim";
    public static final String ORGANIZATION_ATTRIBUTES = "organizationAttributes";

    /** How messages about these settings name them. */
    private static final String SUBJECT = "onboarding";

    /** Organization attributes Orgbridge keeps for itself; claims may not overwrite them. */
    private static final String RESERVED_ATTRIBUTE_PREFIX = "orgbridge.";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(UNVERIFIED_EMAIL).label("Unverified email")
            .helpText("What happens when the identity provider has not verified the user's email (neither 'Trust email' "
                    + "on the identity provider nor a true email-verified claim): deny the login with a page, or log "
                    + "in without an organization.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(UnverifiedEmailAction.values()))
            .defaultValue(SettingsReader.option(UnverifiedEmailAction.DENY)).add()
            .property().name(PERSONAL_EMAIL).label("Personal email domains")
            .helpText("What happens to users whose email is at a personal-mail provider (gmail.com, outlook.com…): deny "
                    + "the login ('use your work email'), log in without an organization, or join the fallback "
                    + "organization.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(PersonalEmailAction.values()))
            .defaultValue(SettingsReader.option(PersonalEmailAction.NO_ORGANIZATION)).add()
            .property().name(FALLBACK_ORGANIZATION).label("Fallback organization")
            .helpText("Alias of the organization personal-mail users join, such as 'individuals'. Required when "
                    + "'Personal email domains' is fallback-organization.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(IGNORED_DOMAINS_ADDED).label("More personal email domains")
            .helpText("Domains treated as personal mail in addition to Orgbridge's built-in list, e.g. example-mail.com "
                    + "or *.example-mail.com (the domain and all its subdomains).")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(IGNORED_DOMAINS_REMOVED).label("Not personal email domains")
            .helpText("Domains of the built-in personal-mail list (or of the additions) that this realm treats as "
                    + "company domains, e.g. mail.com. Wins over both lists.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(UNKNOWN_DOMAIN).label("No organization for the domain")
            .helpText("What happens when no organization owns the user's company domain: create one (name from the "
                    + "organization claim, else the domain), deny the login (only pre-registered organizations), or "
                    + "log in without an organization.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(UnknownDomainAction.values()))
            .defaultValue(SettingsReader.option(UnknownDomainAction.NO_ORGANIZATION)).add()
            .property().name(IDPS_ALLOWED_TO_CREATE).label("Identity providers that may create organizations")
            .helpText("Aliases of the identity providers trusted to create an organization for a new domain. Leave out "
                    + "social and shared providers such as Google: otherwise the first person from a domain claims "
                    + "that company.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(LINK_IDP_ON_CREATE).label("Link identity provider to new organizations")
            .helpText("Link the identity provider of the login to the organization it creates (when it is not linked "
                    + "to another organization yet). Keycloak then treats it as that organization's IdP: hidden from "
                    + "the login page, reached through identity-first login or kc_idp_hint.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(ORGANIZATION_NAME_CLAIM).label("Organization name claim")
            .helpText("Claim or SAML attribute holding the company name used for a new organization.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("organization").add()
            .property().name(MEMBERSHIP).label("Membership type")
            .helpText("unmanaged: the user stays when removed from the organization. managed: the organization owns "
                    + "the user, and removing the member deletes the user in Keycloak.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(Membership.values()))
            .defaultValue(SettingsReader.option(Membership.UNMANAGED)).add()
            .property().name(CREATE_USERS).label("Create users at first login")
            .helpText("Off: only users that already exist in this realm may log in ('existing users only'); others see "
                    + "a page asking them to contact their administrator and no user is created.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(EMAIL_VERIFIED_CLAIM).label("Email-verified claim")
            .helpText("Claim or SAML attribute whose value 'true' says the identity provider verified the email.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("email_verified").add()
            .property().name(ORGANIZATION_ATTRIBUTES).label("Organization attributes from claims")
            .helpText("Keep organization attributes up to date from the identity provider: entries claim=attribute, e.g. "
                    + "company_region=region. At each login that joins or creates the organization, the claim's value "
                    + "(trimmed, at most 255 characters) replaces the attribute. Attributes starting with 'orgbridge.' "
                    + "are reserved.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .build();

    /** The step's settings; Keycloak's defaults when the step has no config yet. */
    public static OnboardingSettings of(AuthenticatorConfigModel config) {
        return parse(config == null || config.getConfig() == null ? Map.of() : config.getConfig());
    }

    /** Parses a step config; throws {@link InvalidSettingsException} naming the first bad option. */
    public static OnboardingSettings parse(Map<String, String> config) {
        SettingsReader settings = SettingsReader.of(SUBJECT, config);
        UnknownDomainAction unknownDomain = settings.choice(UNKNOWN_DOMAIN, UnknownDomainAction.values(),
                UnknownDomainAction.NO_ORGANIZATION);
        PersonalEmailAction personalEmail = settings.choice(PERSONAL_EMAIL, PersonalEmailAction.values(),
                PersonalEmailAction.NO_ORGANIZATION);
        Optional<String> fallback = settings.text(FALLBACK_ORGANIZATION);
        if (personalEmail == PersonalEmailAction.FALLBACK_ORGANIZATION && fallback.isEmpty()) {
            throw settings.invalid(FALLBACK_ORGANIZATION,
                    "is required when " + PERSONAL_EMAIL + " is fallback-organization");
        }
        OnboardingPolicy policy = new OnboardingPolicy(
                settings.choice(UNVERIFIED_EMAIL, UnverifiedEmailAction.values(), UnverifiedEmailAction.DENY),
                personalEmail,
                personalEmail == PersonalEmailAction.FALLBACK_ORGANIZATION ? fallback : Optional.empty(),
                unknownDomain,
                Set.copyOf(settings.values(IDPS_ALLOWED_TO_CREATE)));
        IgnoredDomains ignored = IgnoredDomains.builtIn()
                .with(patterns(settings, IGNORED_DOMAINS_ADDED))
                .without(patterns(settings, IGNORED_DOMAINS_REMOVED));
        return new OnboardingSettings(policy, ignored,
                settings.choice(MEMBERSHIP, Membership.values(), Membership.UNMANAGED),
                settings.bool(CREATE_USERS, true),
                settings.bool(LINK_IDP_ON_CREATE, false),
                settings.text(ORGANIZATION_NAME_CLAIM).orElse("organization"),
                settings.text(EMAIL_VERIFIED_CLAIM).orElse("email_verified"),
                claimToAttribute(settings));
    }

    private static Map<String, String> claimToAttribute(SettingsReader settings) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String entry : settings.values(ORGANIZATION_ATTRIBUTES)) {
            int eq = entry.indexOf('=');
            String claim = eq < 0 ? "" : entry.substring(0, eq).strip();
            String attribute = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (claim.isEmpty() || attribute.isEmpty()) {
                throw settings.invalid(ORGANIZATION_ATTRIBUTES, "holds " + entry + ", which is not claim=attribute");
            }
            if (attribute.startsWith(RESERVED_ATTRIBUTE_PREFIX)) {
                throw settings.invalid(ORGANIZATION_ATTRIBUTES,
                        "maps to " + attribute + ", an attribute reserved for Orgbridge");
            }
            mapping.put(claim, attribute);
        }
        return Map.copyOf(mapping);
    }

    /** Checks what the options name exists in the realm: IdPs that may create, the fallback organization. */
    public void checkReferences(KeycloakSession session) {
        for (String alias : policy.idpsAllowedToCreate()) {
            if (session.identityProviders().getByAlias(alias) == null) {
                throw SettingsReader.of(SUBJECT, Map.of()).invalid(IDPS_ALLOWED_TO_CREATE,
                        "names " + alias + ", which is not an identity provider of this realm");
            }
        }
        Optional<String> fallback = policy.fallbackOrganization();
        if (fallback.isPresent() && session.getProvider(OrganizationProvider.class).getByAlias(fallback.get()) == null) {
            throw SettingsReader.of(SUBJECT, Map.of()).invalid(FALLBACK_ORGANIZATION,
                    "names " + fallback.get() + ", which is not an organization alias of this realm");
        }
    }

    private static List<DomainPattern> patterns(SettingsReader settings, String option) {
        List<DomainPattern> patterns = new ArrayList<>();
        for (String raw : settings.values(option)) {
            try {
                patterns.add(DomainPattern.parse(raw));
            } catch (InvalidEmailException e) {
                throw settings.invalid(option, "holds " + raw + ", which is not a domain or *.domain ("
                        + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
        }
        return patterns;
    }
}
