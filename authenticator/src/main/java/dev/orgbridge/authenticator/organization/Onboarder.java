package dev.orgbridge.authenticator.organization;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orgbridge.core.domain.EmailDomain;
import dev.orgbridge.core.domain.OrganizationDecision;
import dev.orgbridge.support.organization.OrganizationDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * Carries a decision from the step that made it (before the user exists) to the step that applies it
 * (after Keycloak created or linked the user), and applies it: create or find the organization, join.
 */
final class Onboarder {

    /** Details of the onboarding event ({@link #record}) and of denials; provisioning and audits read them. */
    static final String DETAIL_DECISION = "decision";
    static final String DETAIL_DOMAIN = "domain";
    static final String DETAIL_ORG_ID = "org_id";
    static final String DETAIL_ORG_ALIAS = "org_alias";
    static final String DETAIL_ORG_CREATED = "org_created";
    static final String DETAIL_REASON = "orgbridge_reason";

    private static final String NOTE_PREFIX = "orgbridge.onboarding.";
    private static final String NOTE_KIND = NOTE_PREFIX + "kind";
    private static final String NOTE_ORG = NOTE_PREFIX + "organization";
    private static final String NOTE_NAME = NOTE_PREFIX + "name";
    private static final String NOTE_DOMAIN = NOTE_PREFIX + "domain";
    private static final String NOTE_REASON = NOTE_PREFIX + "reason";
    private static final String NOTE_MEMBERSHIP = NOTE_PREFIX + "membership";
    private static final String NOTE_LINK_IDP = NOTE_PREFIX + "link-idp";
    private static final String NOTE_ATTRIBUTES = NOTE_PREFIX + "attributes";

    private static final Logger LOG = Logger.getLogger(Onboarder.class);

    private Onboarder() {
    }

    /** Remembers a decision that is not a denial, and how to apply it, until the user exists. */
    static void remember(AuthenticationSessionModel authSession, OrganizationDecision decision,
                         OnboardingSettings settings, Map<String, String> organizationAttributes) {
        try {
            authSession.setAuthNote(NOTE_ATTRIBUTES, JsonSerialization.writeValueAsString(organizationAttributes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember organization attributes", e);
        }
        authSession.setAuthNote(NOTE_MEMBERSHIP, settings.membership().name());
        authSession.setAuthNote(NOTE_LINK_IDP, Boolean.toString(settings.linkIdpOnCreate()));
        if (decision instanceof OrganizationDecision.Join join) {
            authSession.setAuthNote(NOTE_KIND, "join");
            authSession.setAuthNote(NOTE_ORG, join.organization().id());
            authSession.setAuthNote(NOTE_DOMAIN, join.domain().ascii());
        } else if (decision instanceof OrganizationDecision.JoinFallback fallback) {
            authSession.setAuthNote(NOTE_KIND, "join-fallback");
            authSession.setAuthNote(NOTE_ORG, fallback.organizationAlias());
        } else if (decision instanceof OrganizationDecision.Create create) {
            authSession.setAuthNote(NOTE_KIND, "create");
            authSession.setAuthNote(NOTE_ORG, create.alias());
            authSession.setAuthNote(NOTE_NAME, create.name());
            authSession.setAuthNote(NOTE_DOMAIN, create.domain().ascii());
        } else if (decision instanceof OrganizationDecision.NoOrganization none) {
            authSession.setAuthNote(NOTE_KIND, "no-organization");
            authSession.setAuthNote(NOTE_REASON, none.why());
        } else {
            throw new IllegalArgumentException("a denial is shown, never remembered: " + decision);
        }
    }

    /** The remembered decision's kind, or empty when no Orgbridge onboarding step ran before. */
    static Optional<String> rememberedKind(AuthenticationSessionModel authSession) {
        return Optional.ofNullable(authSession.getAuthNote(NOTE_KIND));
    }

    /** Applies the remembered decision to the now-known user and says what it did. */
    static Applied applyRemembered(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                                   UserModel user, IdentityProviderModel idp) {
        OrganizationDirectory directory = new OrganizationDirectory(session);
        OnboardingSettings.Membership membership =
                OnboardingSettings.Membership.valueOf(authSession.getAuthNote(NOTE_MEMBERSHIP));
        String kind = authSession.getAuthNote(NOTE_KIND);
        String org = authSession.getAuthNote(NOTE_ORG);
        String domain = authSession.getAuthNote(NOTE_DOMAIN);
        Map<String, String> attributes = rememberedAttributes(authSession);
        Applied applied = switch (kind) {
            case "join" -> join(directory, directory.byId(org).map(o -> directory.updateAttributes(o, attributes)),
                    user, membership, domain, "joined", false);
            case "join-fallback" -> join(directory, directory.byAlias(org), user, membership, domain, "fallback", false);
            case "create" -> {
                OrganizationDecision.Create create = new OrganizationDecision.Create(authSession.getAuthNote(NOTE_NAME),
                        org, EmailDomain.parse(domain));
                OrganizationDirectory.Created created = directory.createOrAdopt(realm, create, idp,
                        Boolean.parseBoolean(authSession.getAuthNote(NOTE_LINK_IDP)));
                yield join(directory, directory.byId(created.organizationId())
                                .map(o -> directory.updateAttributes(o, attributes)), user, membership, domain,
                        created.created() ? "created" : "joined", created.created());
            }
            default -> Applied.withoutOrganization(authSession.getAuthNote(NOTE_REASON), domain);
        };
        if (applied.organizationId() != null) {
            // the organization-scoped group mappers run after this step, in the same login
            authSession.setAuthNote(OrganizationDirectory.LOGIN_ORGANIZATION_NOTE, applied.organizationId());
        }
        return applied;
    }

    /** The organization attributes the IdP's claims gave (company joins and creations only, never the fallback). */
    private static Map<String, String> rememberedAttributes(AuthenticationSessionModel authSession) {
        String remembered = authSession.getAuthNote(NOTE_ATTRIBUTES);
        try {
            return remembered == null ? Map.of()
                    : JsonSerialization.readValue(remembered, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read remembered organization attributes", e);
        }
    }

    /** Decides and applies at once, for a user who already exists (post-broker login). */
    static Applied applyNow(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                            OrganizationDecision decision, UserModel user, IdentityProviderModel idp,
                            OnboardingSettings settings, Map<String, String> organizationAttributes) {
        remember(authSession, decision, settings, organizationAttributes);
        return applyRemembered(session, realm, authSession, user, idp);
    }

    /**
     * Records what was applied as a success event of the flow's own type (IDENTITY_PROVIDER_FIRST_LOGIN or
     * IDENTITY_PROVIDER_POST_LOGIN). Keycloak builds REGISTER and LOGIN in a later request from details of its own,
     * so this event is where the onboarding details live.
     */
    static void record(EventBuilder flowEvent, UserModel user, Applied applied) {
        EventBuilder event = flowEvent.clone().user(user);
        applied.details().forEach(event::detail);
        event.success();
    }

    private static Applied join(OrganizationDirectory directory, Optional<OrganizationModel> organization,
                                UserModel user, OnboardingSettings.Membership membership, String domain,
                                String decision, boolean created) {
        if (organization.isEmpty()) {
            // removed between decision and join (an admin deleted it mid-login): log in without one
            LOG.warnf("Organization chosen for user %s vanished during the login; continuing without organization",
                    user.getId());
            return Applied.withoutOrganization("organization-removed", domain);
        }
        boolean added = directory.join(organization.get(), user, membership == OnboardingSettings.Membership.MANAGED);
        return new Applied(added || created ? decision : "already-member", organization.get().getId(),
                organization.get().getAlias(), created, null, domain);
    }

    /** What onboarding did for one login; {@link #changed()} says whether a membership or organization was made. */
    record Applied(String decision, String organizationId, String organizationAlias, boolean created, String reason,
                   String domain) {

        static Applied withoutOrganization(String reason, String domain) {
            return new Applied("no-organization", null, null, false, reason, domain);
        }

        boolean changed() {
            return created || "joined".equals(decision) || "fallback".equals(decision);
        }

        Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put(DETAIL_DECISION, decision);
            if (domain != null) {
                details.put(DETAIL_DOMAIN, domain);
            }
            if (organizationId != null) {
                details.put(DETAIL_ORG_ID, organizationId);
                details.put(DETAIL_ORG_ALIAS, organizationAlias);
                details.put(DETAIL_ORG_CREATED, Boolean.toString(created));
            }
            if (reason != null) {
                details.put(DETAIL_REASON, reason);
            }
            return details;
        }
    }
}
