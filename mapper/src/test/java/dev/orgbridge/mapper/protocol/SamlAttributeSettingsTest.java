package dev.orgbridge.mapper.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.mapper.protocol.SamlAttributeSettings.Attribute;
import dev.orgbridge.mapper.protocol.SamlAttributeSettings.NameFormat;
import dev.orgbridge.mapper.protocol.SamlAttributeSettings.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.models.ProtocolMapperModel;

/** The settings of the SAML mapper as an admin writes them, and the attributes they give. */
class SamlAttributeSettingsTest {

    static final Person CAROL = new Person("carol", "carol@globex.com", "Carol", "Chen");

    /** A mapper as saved from the console: its defaults, with these settings on top. */
    static SamlAttributeSettings settings(Map<String, String> settings) {
        Map<String, String> config = OidcClaimSettingsTest.consoleDefaults(SamlAttributeSettings.PROPERTIES);
        config.putAll(settings);
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName("app attributes");
        mapper.setConfig(config);
        return SamlAttributeSettings.of(mapper);
    }

    @Test
    void aMapperSavedWithTheConsolesDefaultsEmitsTheAttributesAppsCommonlyExpect() {
        SamlAttributeSettings settings = settings(Map.of("roles", OidcClaimSettingsTest.ROLES,
                "teamParentGroup", "/teams"));

        assertEquals(List.of(
                new Attribute("userNameAttribute", "user_name", List.of("carol")),
                new Attribute("emailAttribute", "user.email", List.of("carol@globex.com")),
                new Attribute("givenNameAttribute", "givenName", List.of("Carol")),
                new Attribute("familyNameAttribute", "familyName", List.of("Chen")),
                new Attribute("roleAttribute", "userType", List.of("manager")),
                new Attribute("teamAttribute", "division", List.of("Support", "Sales")),
                new Attribute("organizationNameAttribute", "organization_name", List.of("Globex")),
                new Attribute("organizationIdAttribute", "organization_id", List.of("0a1b"))),
                settings.attributes(CAROL, OidcClaimSettingsTest.CAROL));
        assertEquals(NameFormat.BASIC, settings.nameFormat());
        assertEquals(List.of(), settings.profile().problems());
    }

    @Test
    void missingValuesAndClearedNamesLeaveAttributesOut() {
        SamlAttributeSettings settings = settings(Map.of("userNameAttribute", "uid", "givenNameAttribute", "",
                "teamParentGroup", "/teams"));

        assertEquals(List.of(
                new Attribute("userNameAttribute", "uid", List.of("dan")),
                new Attribute("familyNameAttribute", "familyName", List.of("Doe"))),
                settings.attributes(new Person("dan", null, "Dan", "Doe"), AppProfile.EMPTY));
        assertEquals(Optional.empty(), settings.profile().roles(), "no roles configured: no role");
    }

    static Stream<Arguments> nameFormats() {
        return Stream.of(
                arguments("Basic", "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"),
                arguments("URI Reference", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"),
                arguments("Unspecified", "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"),
                arguments("", "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nameFormats")
    void nameFormatsAreKeycloaksOwn(String label, String uri) {
        SamlAttributeSettings settings = settings(Map.of("nameFormat", label, "teamParentGroup", "/teams"));

        assertEquals(uri, settings.nameFormat().uri());
        assertEquals(List.of(), settings.profile().problems());
    }

    @Test
    void anUnknownNameFormatFallsBackToBasicAndIsAProblem() {
        SamlAttributeSettings settings = settings(Map.of("nameFormat", "<uri>\nFAKE", "teamParentGroup", "/teams"));

        assertEquals(NameFormat.BASIC, settings.nameFormat());
        SettingProblem problem = settings.profile().problems().get(0);
        assertEquals("nameFormat", problem.option());
        assertEquals("Orgbridge mapper \"app attributes\" option nameFormat is &lt;uri&gt;\uFFFDFAKE but must be one of "
                + "Basic, URI Reference, Unspecified; attributes use Basic", problem.message());
    }

    @Test
    void brokenRoleAndTeamSettingsAreProblemsAsForOidc() {
        SamlAttributeSettings settings = settings(Map.of("roles", "{", "teamScope", "everywhere"));

        assertEquals(List.of("roles", "teamScope"),
                settings.profile().problems().stream().map(SettingProblem::option).toList());
        assertTrue(settings.attributes(CAROL, OidcClaimSettingsTest.CAROL).stream()
                .anyMatch(attribute -> attribute.name().equals("organization_name")));
    }
}
