package dev.orgbridge.mapper.protocol;

import dev.orgbridge.core.mapping.Shown;
import dev.orgbridge.support.config.SettingsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * The settings of "Orgbridge: app attributes": the name of each SAML attribute, their name format, and how the
 * profile is computed. An empty (or never set) name leaves the attribute out, as for the OIDC mapper's claims.
 */
record SamlAttributeSettings(Optional<String> userNameAttribute, Optional<String> emailAttribute,
                             Optional<String> givenNameAttribute, Optional<String> familyNameAttribute,
                             Optional<String> roleAttribute, Optional<String> teamAttribute,
                             Optional<String> organizationNameAttribute, Optional<String> organizationIdAttribute,
                             NameFormat nameFormat, AppProfileSettings profile) {

    static final String USER_NAME_ATTRIBUTE = "userNameAttribute";
    static final String EMAIL_ATTRIBUTE = "emailAttribute";
    static final String GIVEN_NAME_ATTRIBUTE = "givenNameAttribute";
    static final String FAMILY_NAME_ATTRIBUTE = "familyNameAttribute";
    static final String ROLE_ATTRIBUTE = "roleAttribute";
    static final String TEAM_ATTRIBUTE = "teamAttribute";
    static final String ORGANIZATION_NAME_ATTRIBUTE = "organizationNameAttribute";
    static final String ORGANIZATION_ID_ATTRIBUTE = "organizationIdAttribute";
    static final String NAME_FORMAT = "nameFormat";

    static final String DEFAULT_USER_NAME_ATTRIBUTE = "user_name";
    static final String DEFAULT_EMAIL_ATTRIBUTE = "user.email";
    static final String DEFAULT_GIVEN_NAME_ATTRIBUTE = "givenName";
    static final String DEFAULT_FAMILY_NAME_ATTRIBUTE = "familyName";
    static final String DEFAULT_ROLE_ATTRIBUTE = "userType";
    static final String DEFAULT_TEAM_ATTRIBUTE = "division";
    static final String DEFAULT_ORGANIZATION_NAME_ATTRIBUTE = "organization_name";
    static final String DEFAULT_ORGANIZATION_ID_ATTRIBUTE = "organization_id";

    private static final String EMPTY_NAME = " Empty: the attribute is left out.";

    static final List<ProviderConfigProperty> PROPERTIES = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(USER_NAME_ATTRIBUTE).label("User name attribute")
            .helpText("Attribute with the user's username." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_USER_NAME_ATTRIBUTE).add()
            .property().name(EMAIL_ATTRIBUTE).label("Email attribute")
            .helpText("Attribute with the user's email address." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_EMAIL_ATTRIBUTE).add()
            .property().name(GIVEN_NAME_ATTRIBUTE).label("Given name attribute")
            .helpText("Attribute with the user's first name." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_GIVEN_NAME_ATTRIBUTE).add()
            .property().name(FAMILY_NAME_ATTRIBUTE).label("Family name attribute")
            .helpText("Attribute with the user's last name." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_FAMILY_NAME_ATTRIBUTE).add()
            .property().name(ROLE_ATTRIBUTE).label("Role attribute")
            .helpText("Attribute with the value of the first row of 'Roles' whose role the user holds; left out when "
                    + "the user holds none." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ROLE_ATTRIBUTE).add()
            .property(AppProfileSettings.ROLES_PROPERTY)
            .property().name(TEAM_ATTRIBUTE).label("Team attribute")
            .helpText("Attribute with the names of the user's teams, one value each; left out when the user has "
                    + "none." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_TEAM_ATTRIBUTE).add()
            .property(AppProfileSettings.TEAM_SCOPE_PROPERTY)
            .property(AppProfileSettings.TEAM_PARENT_GROUP_PROPERTY)
            .property().name(ORGANIZATION_NAME_ATTRIBUTE).label("Organization name attribute")
            .helpText("Attribute with the name of the user's organization." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ORGANIZATION_NAME_ATTRIBUTE).add()
            .property().name(ORGANIZATION_ID_ATTRIBUTE).label("Organization id attribute")
            .helpText("Attribute with the id of the user's organization." + EMPTY_NAME)
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_ORGANIZATION_ID_ATTRIBUTE).add()
            .property().name(NAME_FORMAT).label("Name format")
            .helpText("The NameFormat of every attribute: Basic, URI Reference or Unspecified.")
            .type(ProviderConfigProperty.LIST_TYPE).options(NameFormat.labels())
            .defaultValue(NameFormat.BASIC.label()).add()
            .build());

    /** The NameFormats Keycloak's own attribute mappers offer, under the same labels. */
    enum NameFormat {
        BASIC(AttributeStatementHelper.BASIC, JBossSAMLURIConstants.ATTRIBUTE_FORMAT_BASIC),
        URI_REFERENCE(AttributeStatementHelper.URI_REFERENCE, JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI),
        UNSPECIFIED(AttributeStatementHelper.UNSPECIFIED, JBossSAMLURIConstants.ATTRIBUTE_FORMAT_UNSPECIFIED);

        private final String label;
        private final JBossSAMLURIConstants uri;

        NameFormat(String label, JBossSAMLURIConstants uri) {
            this.label = label;
            this.uri = uri;
        }

        String label() {
            return label;
        }

        String uri() {
            return uri.get();
        }

        static List<String> labels() {
            return Arrays.stream(values()).map(NameFormat::label).toList();
        }
    }

    /** What the assertion says about the user themselves (null when the account has no such value). */
    record Person(String userName, String email, String givenName, String familyName) {
    }

    /** One attribute to add, with one AttributeValue per value. */
    record Attribute(String option, String name, List<String> values) {
        Attribute {
            values = List.copyOf(values);
        }
    }

    static SamlAttributeSettings of(ProtocolMapperModel mapper) {
        String subject = AppProfileSettings.subject(mapper);
        SettingsReader settings = SettingsReader.of(subject, mapper.getConfig());
        List<SettingProblem> problems = new ArrayList<>();
        NameFormat format = nameFormat(settings, problems);
        Optional<String> role = settings.text(ROLE_ATTRIBUTE);
        Optional<String> team = settings.text(TEAM_ATTRIBUTE);
        Optional<String> organizationName = settings.text(ORGANIZATION_NAME_ATTRIBUTE);
        Optional<String> organizationId = settings.text(ORGANIZATION_ID_ATTRIBUTE);
        AppProfileSettings profile = AppProfileSettings.of(settings, subject,
                organizationName.isPresent() || organizationId.isPresent(), role.isPresent(), team.isPresent(),
                problems);
        return new SamlAttributeSettings(
                settings.text(USER_NAME_ATTRIBUTE),
                settings.text(EMAIL_ATTRIBUTE),
                settings.text(GIVEN_NAME_ATTRIBUTE),
                settings.text(FAMILY_NAME_ATTRIBUTE),
                role, team, organizationName, organizationId, format, profile);
    }

    /** The attributes for this user and profile: a missing value leaves its attribute out. */
    List<Attribute> attributes(Person person, AppProfile app) {
        List<Attribute> attributes = new ArrayList<>();
        add(attributes, USER_NAME_ATTRIBUTE, userNameAttribute, Optional.ofNullable(person.userName()).stream());
        add(attributes, EMAIL_ATTRIBUTE, emailAttribute, Optional.ofNullable(person.email()).stream());
        add(attributes, GIVEN_NAME_ATTRIBUTE, givenNameAttribute, Optional.ofNullable(person.givenName()).stream());
        add(attributes, FAMILY_NAME_ATTRIBUTE, familyNameAttribute, Optional.ofNullable(person.familyName()).stream());
        add(attributes, ROLE_ATTRIBUTE, roleAttribute, app.role().stream());
        add(attributes, TEAM_ATTRIBUTE, teamAttribute, app.teams().stream());
        add(attributes, ORGANIZATION_NAME_ATTRIBUTE, organizationNameAttribute,
                app.organization().map(AppOrganization::name).stream());
        add(attributes, ORGANIZATION_ID_ATTRIBUTE, organizationIdAttribute,
                app.organization().map(AppOrganization::id).stream());
        return attributes;
    }

    private static void add(List<Attribute> attributes, String option, Optional<String> name, Stream<String> values) {
        List<String> present = values.filter(value -> !value.isBlank()).toList();
        if (name.isPresent() && !present.isEmpty()) {
            attributes.add(new Attribute(option, name.get(), present));
        }
    }

    /** Keycloak's labels; anything else is a problem, and the attributes are Basic as with Keycloak's own mappers. */
    private static NameFormat nameFormat(SettingsReader settings, List<SettingProblem> problems) {
        Optional<String> raw = settings.text(NAME_FORMAT);
        if (raw.isEmpty()) {
            return NameFormat.BASIC;
        }
        Optional<NameFormat> format = Arrays.stream(NameFormat.values())
                .filter(candidate -> candidate.label().equals(raw.get()))
                .findFirst();
        if (format.isEmpty()) {
            problems.add(new SettingProblem(settings.invalid(NAME_FORMAT, "is " + Shown.of(raw.get()) + " but must be one of "
                    + String.join(", ", NameFormat.labels())), "attributes use Basic"));
        }
        return format.orElse(NameFormat.BASIC);
    }
}
