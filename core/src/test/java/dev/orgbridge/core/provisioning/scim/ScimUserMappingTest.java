package dev.orgbridge.core.provisioning.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScimUserMappingTest {

    private static final String CORE = ScimSchemas.USER;
    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;

    private static final ScimUserSource JORG = new ScimUserSource("8c3e2a4f", "jmuller", "jmuller@acme.com", "Jörg",
            "Müller", true, Map.of("division", List.of("Sales"), "userType", List.of("", " employee "),
                    "title", List.of()));

    static Stream<Arguments> mappings() {
        return Stream.of(
                arguments(List.of(), ScimUserMapping.DEFAULTS),
                arguments(List.of("title=jobTitle"), Map.of(ScimAttribute.USER_TYPE, "userType",
                        ScimAttribute.TITLE, "jobTitle", ScimAttribute.EMPLOYEE_NUMBER, "employeeNumber",
                        ScimAttribute.DEPARTMENT, "division")),
                // a default turned off, one added, spelled with the schema URN and in another case
                arguments(List.of("title=", "employeeNumber=", "userType=", "department=",
                        " urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:COSTCENTER = kst "),
                        Map.of(ScimAttribute.COST_CENTER, "kst")),
                arguments(List.of("userType=", "title=", "employeeNumber=", "department="), Map.of()),
                arguments(List.of("nickName=nick", "preferredLanguage=lang", "locale=locale", "timezone=tz",
                        "organization=company", "division=division"), Map.ofEntries(
                        Map.entry(ScimAttribute.USER_TYPE, "userType"), Map.entry(ScimAttribute.TITLE, "title"),
                        Map.entry(ScimAttribute.EMPLOYEE_NUMBER, "employeeNumber"),
                        Map.entry(ScimAttribute.DEPARTMENT, "division"), Map.entry(ScimAttribute.NICK_NAME, "nick"),
                        Map.entry(ScimAttribute.PREFERRED_LANGUAGE, "lang"), Map.entry(ScimAttribute.LOCALE, "locale"),
                        Map.entry(ScimAttribute.TIMEZONE, "tz"), Map.entry(ScimAttribute.ORGANIZATION, "company"),
                        Map.entry(ScimAttribute.DIVISION, "division"))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("mappings")
    void pairsChangeTheDefaults(List<String> pairs, Map<ScimAttribute, String> attributes) {
        assertEquals(attributes, ScimUserMapping.parse(UserNameSource.USERNAME, pairs).attributes());
    }

    static Stream<Arguments> badPairs() {
        String known = "those are nickName, title, userType, preferredLanguage, locale, timezone, employeeNumber, "
                + "costCenter, organization, division, department";
        return Stream.of(
                arguments("title", "'title' is not scimPath=userAttribute"),
                arguments("=title", "'=title' names no SCIM path; " + known),
                arguments("manager=boss", "'manager=boss' names manager, which is not a SCIM path filled from a user "
                        + "attribute; " + known),
                arguments("userName=mail", "'userName=mail' names userName, which is not a SCIM path filled from a "
                        + "user attribute; " + known),
                // core attributes are not in the enterprise extension
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:title=title",
                        "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:title=title' names "
                                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:title, which is not a SCIM "
                                + "path filled from a user attribute; " + known));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPairs")
    void refusesPairsItCannotApply(String pair, String message) {
        InvalidScimMappingException e = assertThrows(InvalidScimMappingException.class,
                () -> ScimUserMapping.parse(UserNameSource.USERNAME, List.of(pair)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesAPathMappedTwice() {
        InvalidScimMappingException e = assertThrows(InvalidScimMappingException.class,
                () -> ScimUserMapping.parse(UserNameSource.USERNAME, List.of("title=a", "TITLE=b")));
        assertEquals("'TITLE=b' maps title a second time", e.getMessage());
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                arguments("everything, enterprise extension named", JORG, ScimUserMapping.DEFAULT,
                        "{'schemas':['" + CORE + "','" + ENTERPRISE + "'],'externalId':'8c3e2a4f',"
                                + "'userName':'jmuller','name':{'givenName':'Jörg','familyName':'Müller'},"
                                + "'displayName':'Jörg Müller',"
                                + "'emails':[{'value':'jmuller@acme.com','type':'work','primary':true}],"
                                + "'active':true,'userType':'employee','" + ENTERPRISE + "':{'department':'Sales'}}"),
                arguments("userName from the email", JORG, new ScimUserMapping(UserNameSource.EMAIL, Map.of()),
                        "{'schemas':['" + CORE + "'],'externalId':'8c3e2a4f','userName':'jmuller@acme.com',"
                                + "'name':{'givenName':'Jörg','familyName':'Müller'},'displayName':'Jörg Müller',"
                                + "'emails':[{'value':'jmuller@acme.com','type':'work','primary':true}],"
                                + "'active':true}"),
                arguments("no email: userName from the username after all; no names: displayName is the userName",
                        new ScimUserSource("u2", "dan", " ", null, "", false, Map.of("division", List.of("Ops"))),
                        new ScimUserMapping(UserNameSource.EMAIL, ScimUserMapping.DEFAULTS),
                        "{'schemas':['" + CORE + "','" + ENTERPRISE + "'],'externalId':'u2','userName':'dan',"
                                + "'displayName':'dan','active':false,'" + ENTERPRISE + "':{'department':'Ops'}}"),
                arguments("only a family name", new ScimUserSource("u3", "kim", null, null, "Kim", true, Map.of()),
                        ScimUserMapping.DEFAULT,
                        "{'schemas':['" + CORE + "'],'externalId':'u3','userName':'kim',"
                                + "'name':{'familyName':'Kim'},'displayName':'Kim','active':true}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void writesTheResourceForCreateAndReplace(String story, ScimUserSource user, ScimUserMapping mapping,
            String resource) {
        assertEquals(json(resource), mapping.map(user).resource());
    }

    @Test
    void patchesEveryFieldReplacingWhatTheUserHasAndRemovingWhatItHasNot() {
        String patch = ScimUserMapping.DEFAULT.map(JORG).patch();

        assertEquals(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
                + "{'op':'replace','path':'externalId','value':'8c3e2a4f'},"
                + "{'op':'replace','path':'userName','value':'jmuller'},"
                + "{'op':'replace','path':'name.givenName','value':'Jörg'},"
                + "{'op':'replace','path':'name.familyName','value':'Müller'},"
                + "{'op':'replace','path':'displayName','value':'Jörg Müller'},"
                + "{'op':'replace','path':'emails','value':[{'value':'jmuller@acme.com','type':'work','primary':true}]},"
                + "{'op':'replace','path':'active','value':true},"
                + "{'op':'remove','path':'title'},"
                + "{'op':'replace','path':'userType','value':'employee'},"
                + "{'op':'remove','path':'" + ENTERPRISE + ":employeeNumber'},"
                + "{'op':'replace','path':'" + ENTERPRISE + ":department','value':'Sales'}]}"), patch);
    }

    @Test
    void aUserWithoutNamesOrEmailHasThemRemoved() {
        ScimUserSource bare = new ScimUserSource("u2", "dan", null, null, null, false, Map.of());

        String patch = new ScimUserMapping(UserNameSource.USERNAME, Map.of()).map(bare).patch();

        assertEquals(json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
                + "{'op':'replace','path':'externalId','value':'u2'},"
                + "{'op':'replace','path':'userName','value':'dan'},"
                + "{'op':'remove','path':'name.givenName'},"
                + "{'op':'remove','path':'name.familyName'},"
                + "{'op':'replace','path':'displayName','value':'dan'},"
                + "{'op':'remove','path':'emails'},"
                + "{'op':'replace','path':'active','value':false}]}"), patch);
    }

    @Test
    void showsNoPersonalDataInLogs() {
        assertEquals("ScimUserSource[id=8c3e2a4f]", JORG.toString());
        assertEquals("ScimUser[externalId=8c3e2a4f]", ScimUserMapping.DEFAULT.map(JORG).toString());
    }

    /** JSON written with single quotes, for readable tables. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
