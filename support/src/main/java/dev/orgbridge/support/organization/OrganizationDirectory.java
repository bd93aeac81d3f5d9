package dev.orgbridge.support.organization;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.domain.EmailDomain;
import dev.orgbridge.core.domain.InvalidEmailException;
import dev.orgbridge.core.domain.KnownOrganization;
import dev.orgbridge.core.domain.OrganizationDecision;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Orgbridge's one window on Keycloak Organizations: domain lookup, trust, creation, membership.
 * Keycloak 26.8 changes how organizations and identity providers link (many-to-many, no {@code kc.org.*}
 * IdP config); that change is absorbed here and nowhere else.
 */
public final class OrganizationDirectory {

    /** Organization attribute listing IdP aliases trusted for the organization's domains besides its linked IdPs. */
    public static final String TRUSTED_IDPS_ATTRIBUTE = "orgbridge.trusted-idps";

    /**
     * Authentication-session note holding the id of the organization onboarding placed the user in during this login,
     * for the steps and mappers that run after it.
     */
    public static final String LOGIN_ORGANIZATION_NOTE = "orgbridge.organization-id";

    private static final Logger LOG = Logger.getLogger(OrganizationDirectory.class);

    /** Organizations read when a user belongs to several; more is not a B2B login. */
    private static final int MAX_MEMBERSHIPS = 20;

    private final KeycloakSession session;
    private final OrganizationProvider organizations;

    public OrganizationDirectory(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** Whether Organizations are on for the realm of this login. */
    public boolean enabled() {
        return organizations != null && organizations.isEnabled();
    }

    /** The organization owning the domain (most specific of its exact and wildcard domains), with its trusted IdPs. */
    public Optional<KnownOrganization> owning(EmailDomain domain) {
        try {
            // one indexed query over ORG_DOMAIN by name (exact and parent wildcard names); positive results cached
            return Optional.ofNullable(organizations.getByDomainName(domain.ascii())).map(this::known);
        } catch (ModelValidationException e) {
            // Keycloak accepts fewer domain shapes than email allows (e.g. more than 10 labels): no organization
            LOG.debugf("Keycloak rejects domain %s for organization lookup: %s", domain, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The organization a user belongs to for this login: the one onboarding placed them in (auth note), else their
     * only organization, else, of several, the one owning their email's domain.
     */
    public Optional<OrganizationModel> ofMember(UserModel user, AuthenticationSessionModel authSession) {
        String placed = authSession == null ? null : authSession.getAuthNote(LOGIN_ORGANIZATION_NOTE);
        if (placed != null) {
            return byId(placed);
        }
        List<OrganizationModel> memberships = organizations.getByMember(user).limit(MAX_MEMBERSHIPS).toList();
        if (memberships.size() <= 1) {
            return memberships.stream().findFirst();
        }
        return owningEmail(user.getEmail())
                .flatMap(known -> memberships.stream().filter(o -> o.getId().equals(known.id())).findFirst());
    }

    /** The organization owning the domain of an email address, if the address parses. */
    public Optional<KnownOrganization> owningEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        try {
            return owning(EmailAddress.parse(email).domain());
        } catch (InvalidEmailException e) {
            return Optional.empty();
        }
    }

    public Optional<OrganizationModel> byId(String id) {
        return Optional.ofNullable(organizations.getById(id));
    }

    public Optional<OrganizationModel> byAlias(String alias) {
        return Optional.ofNullable(organizations.getByAlias(alias));
    }

    private KnownOrganization known(OrganizationModel organization) {
        Set<String> trusted = organizations.getIdentityProviders(organization)
                .map(IdentityProviderModel::getAlias)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        trusted.addAll(organization.getAttributes().getOrDefault(TRUSTED_IDPS_ATTRIBUTE, List.of()));
        return new KnownOrganization(organization.getId(), organization.getAlias(), Set.copyOf(trusted));
    }

    /**
     * Creates the organization for a new domain in its own transaction, so that concurrent first logins from one
     * domain create it once: the losers of the race (unique alias) adopt the winner's organization.
     */
    public Created createOrAdopt(RealmModel realm, OrganizationDecision.Create create, IdentityProviderModel idp, boolean link) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), tx -> {
                tx.getContext().setRealm(tx.realms().getRealm(realm.getId()));
                OrganizationProvider txOrganizations = tx.getProvider(OrganizationProvider.class);
                OrganizationModel existing = txOrganizations.getByDomainName(create.domain().ascii());
                if (existing != null) {
                    return new Created(existing.getId(), false);
                }
                OrganizationModel organization = txOrganizations.create(uniqueName(txOrganizations, create), create.alias());
                // The domain is verified: an IdP trusted to create organizations asserted a verified email in it.
                organization.setDomains(Set.of(new OrganizationDomainModel(create.domain().ascii(), true)));
                organization.setAttributes(Map.of(TRUSTED_IDPS_ATTRIBUTE, List.of(idp.getAlias())));
                IdentityProviderModel txIdp = tx.identityProviders().getByAlias(idp.getAlias());
                if (link && txIdp.getOrganizationId() == null) {
                    txOrganizations.addIdentityProvider(organization, txIdp);
                }
                return new Created(organization.getId(), true);
            });
        } catch (RuntimeException raceLost) {
            // Another login created it first: the unique name or alias fails our commit (a ModelDuplicateException,
            // or the database's constraint violation itself, depending on where it surfaces). Adopt theirs.
            OrganizationModel winner = organizations.getByDomainName(create.domain().ascii());
            if (winner == null) {
                winner = organizations.getByAlias(create.alias());
            }
            if (winner == null) {
                throw raceLost;
            }
            LOG.debugf("Organization for %s was created concurrently; joining %s", create.domain(), winner.getAlias());
            return new Created(winner.getId(), false);
        }
    }

    private static String uniqueName(OrganizationProvider organizations, OrganizationDecision.Create create) {
        boolean taken = organizations.getAllStream(create.name(), true, 0, 1).findAny().isPresent();
        // another company may already use that name (e.g. "Acme" on acme.com and acme.io): qualify with the domain
        return taken ? create.name() + " (" + create.domain().unicode() + ")" : create.name();
    }

    /** Sets the given attributes (one value each) on the organization, keeping the others; returns it. */
    public OrganizationModel updateAttributes(OrganizationModel organization, Map<String, String> values) {
        if (values.isEmpty()) {
            return organization;
        }
        Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
        boolean changed = false;
        for (Map.Entry<String, String> value : values.entrySet()) {
            changed |= !List.of(value.getValue()).equals(attributes.put(value.getKey(), List.of(value.getValue())));
        }
        if (changed) {
            organization.setAttributes(attributes);
        }
        return organization;
    }

    /** Adds the user to the organization unless already a member; returns whether it added. */
    public boolean join(OrganizationModel organization, UserModel user, boolean managed) {
        if (organizations.isMember(organization, user)) {
            return false;
        }
        return managed
                ? organizations.addManagedMember(organization, user)
                : organizations.addMember(organization, user);
    }

    public record Created(String organizationId, boolean created) {
    }
}
