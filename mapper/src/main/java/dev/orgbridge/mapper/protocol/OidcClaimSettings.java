package dev.orgbridge.mapper.protocol;

import dev.orgbridge.support.config.SettingsReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of "Orgbridge: organization, role and team claims": the name of each claim and how the profile is
 * computed. Which tokens carry the claims is Keycloak's standard switches, read by Keycloak.
 *
 * <p>An empty claim name leaves the claim out. Keycloak stores a cleared field as no value at all (it drops empty
 * strings), so an option never set is a cleared one, as with Keycloak's own claim mappers; the admin console
 * pre-fills every name with its default.
 */
record OidcClaimSettings(Optional<String> organizationIdClaim, Optional<String> organizationAliasClaim,
                         Optional<String> organizationNameClaim, Optional<String> organizationDomainClaim,
                         Optional<String> roleClaim, Optional<String> teamsClaim, AppProfileSettings profile) {

    static final String ORGANIZATION_ID_CLAIM = "organizationIdClaim";
    static final String ORGANIZATION_ALIAS_CLAIM = "organizationAliasClaim";
    static final String ORGANIZATION_NAME_CLAIM = "organizationNameClaim";
    static final String ORGANIZATION_DOMAIN_CLAIM = "organizationDomainClaim";
    static final String ROLE_CLAIM = "roleClaim";
    static final String TEAMS_CLAIM = "teamsClaim";

    static final String DEFAULT_ORGANIZATION_ID_CLAIM = "org_id";
    static final String DEFAULT_ORGANIZATION_ALIAS_CLAIM = "org_alias";
    static final String DEFAULT_ORGANIZATION_NAME_CLAIM = "org_name";
    static final String DEFAULT_ORGANIZATION_DOMAIN_CLAIM = "org_domain";
    static final String DEFAULT_ROLE_CLAIM = "role";
    static final String DEFAULT_TEAMS_CLAIM = "teams";

    private static final String CLAIM_NAMING = " A claim name as Keycloak's own mappers take it (a.b nests, a\\.b "
            + "does not). Empty: the claim is left out.";

    static final List<ProviderConfigProperty> PROPERTIES = properties();

    /** One claim to add: a string, or (teams) always a JSON array. */
    record Claim(String option, String name, List<String> values, boolean array) {

        Claim {
            values = List.copyOf(values);
        }

        static Claim single(String option, String name, String value) {
            return new Claim(option, name, List.of(value), false);
        }

        /** The claim's JSON value: the string, or the list. */
        Object value() {
            return array ? values : values.get(0);
        }
    }

    static OidcClaimSettings of(ProtocolMapperModel mapper) {
        String subject = AppProfileSettings.subject(mapper);
        SettingsReader settings = SettingsReader.of(subject, mapper.getConfig());
        Optional<String> id = settings.text(ORGANIZATION_ID_CLAIM);
        Optional<String> alias = settings.text(ORGANIZATION_ALIAS_CLAIM);
        Optional<String> name = settings.text(ORGANIZATION_NAME_CLAIM);
        Optional<String> domain = settings.text(ORGANIZATION_DOMAIN_CLAIM);
        Optional<String> role = settings.text(ROLE_CLAIM);
        Optional<String> teams = settings.text(TEAMS_CLAIM);
        boolean organizationWanted = Stream.of(id, alias, name, domain).anyMatch(Optional::isPresent);
        AppProfileSettings profile = AppProfileSettings.of(settings, subject,
                organizationWanted, role.isPresent(), teams.isPresent(), new ArrayList<>());
        return new OidcClaimSettings(id, alias, name, domain, role, teams, profile);
    }

    /** The claims for this profile: what the user lacks (no organization, no role of the list, no team) is left out. */
    List<Claim> claims(AppProfile app) {
        List<Claim> claims = new ArrayList<>();
        app.organization().ifPresent(organization -> {
            organizationIdClaim.ifPresent(claim ->
                    claims.add(Claim.single(ORGANIZATION_ID_CLAIM, claim, organization.id())));
            organizationAliasClaim.ifPresent(claim ->
                    claims.add(Claim.single(ORGANIZATION_ALIAS_CLAIM, claim, organization.alias())));
            organizationNameClaim.ifPresent(claim ->
                    claims.add(Claim.single(ORGANIZATION_NAME_CLAIM, claim, organization.name())));
            organizationDomainClaim.ifPresent(claim -> organization.domain().ifPresent(domain ->
                    claims.add(Claim.single(ORGANIZATION_DOMAIN_CLAIM, claim, domain))));
        });
        roleClaim.ifPresent(claim -> app.role().ifPresent(role -> claims.add(Claim.single(ROLE_CLAIM, claim, role))));
        teamsClaim.filter(claim -> !app.teams().isEmpty())
                .ifPresent(claim -> claims.add(new Claim(TEAMS_CLAIM, claim, app.teams(), true)));
        return claims;
    }

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(ORGANIZATION_ID_CLAIM).label("Organization id claim")
                .helpText("Claim with the id of the user's organization." + CLAIM_NAMING)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ORGANIZATION_ID_CLAIM).add()
                .property().name(ORGANIZATION_ALIAS_CLAIM).label("Organization alias claim")
                .helpText("Claim with the alias of the user's organization." + CLAIM_NAMING)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ORGANIZATION_ALIAS_CLAIM).add()
                .property().name(ORGANIZATION_NAME_CLAIM).label("Organization name claim")
                .helpText("Claim with the name of the user's organization." + CLAIM_NAMING)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ORGANIZATION_NAME_CLAIM).add()
                .property().name(ORGANIZATION_DOMAIN_CLAIM).label("Organization domain claim")
                .helpText("Claim with the organization's domain equal to the user's email domain, else the "
                        + "organization's first domain in alphabetical order." + CLAIM_NAMING)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ORGANIZATION_DOMAIN_CLAIM).add()
                .property().name(ROLE_CLAIM).label("Role claim")
                .helpText("Claim with the value of the first row of 'Roles' whose role the user holds; left out when "
                        + "the user holds none." + CLAIM_NAMING)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ROLE_CLAIM).add()
                .property(AppProfileSettings.ROLES_PROPERTY)
                .property().name(TEAMS_CLAIM).label("Teams claim")
                .helpText("Claim with the names of the user's teams, always a JSON array; left out when the user has "
                        + "none." + CLAIM_NAMING)
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_TEAMS_CLAIM).add()
                .property(AppProfileSettings.TEAM_SCOPE_PROPERTY)
                .property(AppProfileSettings.TEAM_PARENT_GROUP_PROPERTY)
                .build());
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, OidcAppClaimsMapper.class);
        return Collections.unmodifiableList(properties);
    }
}
