package dev.orgbridge.core.provisioning.scim;

import static dev.orgbridge.core.provisioning.scim.ScimUserMappingTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PATCH bodies for deactivation and memberships, and the group resource. */
class ScimPatchTest {

    private static final String PATCH = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[";

    static Stream<Arguments> bodies() {
        return Stream.of(
                arguments("deactivate", ScimPatch.deactivate(), PATCH + "{'op':'replace','path':'active','value':false}]}"),
                arguments("add member", ScimPatch.addMember("u-1"),
                        PATCH + "{'op':'add','path':'members','value':[{'value':'u-1'}]}]}"),
                arguments("remove member", ScimPatch.removeMember("u-1"),
                        PATCH + "{'op':'remove','path':'members[value eq \\'u-1\\']'}]}"),
                arguments("remove a member with a hostile id", ScimPatch.removeMember("x\"] or [\\"),
                        PATCH + "{'op':'remove','path':'members[value eq \\'x\\\\\\'] or [\\\\\\\\\\']'}]}"),
                arguments("members set", ScimPatch.setMembers(List.of("u-1", "u-2")),
                        PATCH + "{'op':'replace','path':'members','value':[{'value':'u-1'},{'value':'u-2'}]}]}"),
                arguments("members set to none", ScimPatch.setMembers(List.of()),
                        PATCH + "{'op':'remove','path':'members'}]}"),
                arguments("group", new ScimGroup("g-1", "Sales").resource(),
                        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'externalId':'g-1',"
                                + "'displayName':'Sales'}"),
                arguments("group update, members untouched", new ScimGroup("g-1", "Sales EMEA").patch(),
                        PATCH + "{'op':'replace','path':'externalId','value':'g-1'},"
                                + "{'op':'replace','path':'displayName','value':'Sales EMEA'}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void writesTheBody(String what, String body, String expected) {
        assertEquals(json(expected), body);
    }

    @Test
    void aGroupNeedsAnIdAndAName() {
        assertThrows(IllegalArgumentException.class, () -> new ScimGroup("g-1", " "));
        assertThrows(NullPointerException.class, () -> new ScimGroup(null, "Sales"));
    }
}
