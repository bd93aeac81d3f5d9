package dev.orgbridge.delivery.scim;

import static dev.orgbridge.delivery.scim.ScimFixtures.TOKEN;
import static dev.orgbridge.delivery.scim.ScimFixtures.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.scim.ScimGroup;
import dev.orgbridge.delivery.scim.ScimResult.Action;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Groups and their members against a real SCIM server; the members are never lost by writing the group. */
class ScimClientGroupTest {

    private static final ScimGroup SALES = new ScimGroup("0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a", "Sales");

    @AutoClose
    private final ScimTestServer server = ScimTestServer.withToken(TOKEN);
    @AutoClose
    private final ScimClient client = ScimFixtures.client();
    private final String jorg = server.users.put(User.builder().userName("jmuller").build());
    private final String kim = server.users.put(User.builder().userName("kim").build());

    @Test
    void aNewGroupIsCreatedWithoutMembers() {
        ScimResult result = client.provisionGroup(endpoint(server), SALES, Optional.empty());

        assertEquals(Action.CREATED, result.action());
        Group created = server.groups.get(result.remoteId().orElseThrow());
        assertEquals(Optional.of("Sales"), created.getDisplayName());
        assertEquals(Optional.of(SALES.externalId()), created.getExternalId());
        assertEquals(List.of(), created.getMembers());
    }

    @Test
    void aGroupCreatedEarlierIsFoundByExternalIdAndAdopted() {
        String id = server.groups.put(Group.builder().displayName("Sales (old)").externalId(SALES.externalId())
                .build());

        ScimResult result = client.provisionGroup(endpoint(server), SALES, Optional.empty());

        assertEquals(new ScimResult(new DeliveryOutcome.Success(200), Action.ADOPTED, Optional.of(id),
                Optional.empty()), result);
        assertEquals(Optional.of("Sales"), server.groups.get(id).getDisplayName());
    }

    @Test
    void aGroupTheServerAlreadyHadIsFoundByDisplayNameAndAdopted() {
        String id = server.groups.put(Group.builder().displayName("SALES").build());

        ScimResult result = client.provisionGroup(endpoint(server), SALES, Optional.empty());

        assertEquals(Action.ADOPTED, result.action());
        assertEquals(Optional.of(SALES.externalId()), server.groups.get(id).getExternalId());
        assertEquals(0, server.count("POST"));
    }

    @Test
    void renamingAGroupKeepsItsMembers() {
        String id = client.provisionGroup(endpoint(server), SALES, Optional.empty()).remoteId().orElseThrow();
        client.addMember(endpoint(server), id, jorg);

        ScimResult result = client.provisionGroup(endpoint(server), new ScimGroup(SALES.externalId(), "Sales EMEA"),
                Optional.of(id));

        assertEquals(Action.UPDATED, result.action());
        assertEquals(Optional.of("Sales EMEA"), server.groups.get(id).getDisplayName());
        assertEquals(List.of(jorg), memberIds(id));
    }

    @Test
    void membersAreAddedAndRemovedOneByOne() {
        String id = client.provisionGroup(endpoint(server), SALES, Optional.empty()).remoteId().orElseThrow();

        assertEquals(Action.MEMBER_ADDED, client.addMember(endpoint(server), id, jorg).action());
        assertEquals(Action.MEMBER_ADDED, client.addMember(endpoint(server), id, kim).action());
        assertEquals(List.of(jorg, kim), memberIds(id));

        ScimResult removed = client.removeMember(endpoint(server), id, jorg);

        assertEquals(new ScimResult(new DeliveryOutcome.Success(200), Action.MEMBER_REMOVED, Optional.of(id),
                Optional.empty()), removed);
        assertEquals(List.of(kim), memberIds(id));
    }

    @Test
    void removingAMemberWhoIsNotThereIsDone() {
        String id = client.provisionGroup(endpoint(server), SALES, Optional.empty()).remoteId().orElseThrow();
        // RFC 7644 §3.5.2.2: a remove whose filter matches nothing may be answered 400 noTarget (the SDK says 200)
        server.answerNext(400, Map.of(), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"status\":\"400\",\"scimType\":\"noTarget\",\"detail\":\"no such member\"}");

        assertEquals(new ScimResult(new DeliveryOutcome.Success(404), Action.ALREADY_GONE, Optional.of(id),
                Optional.empty()), client.removeMember(endpoint(server), id, jorg));
        assertEquals(0, server.count("PUT"));
        assertEquals(Action.ALREADY_GONE, client.removeMember(endpoint(server), "no-such-group", jorg).action());
    }

    @Test
    void addingToAGroupTheServerNoLongerHasFailsSoTheGroupIsProvisionedAgain() {
        ScimResult result = client.addMember(endpoint(server), "no-such-group", jorg);

        assertEquals(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(404)), result.outcome());
        assertEquals(Action.FAILED, result.action());
    }

    @Test
    void aServerWithoutPatchHasGroupsAndMembersRewrittenKeepingTheOtherMembers() {
        try (ScimTestServer noPatch = new ScimTestServer(("Bearer " + TOKEN)::equals, false, true)) {
            String other = noPatch.users.put(User.builder().userName("other").build());
            String id = noPatch.groups.put(Group.builder().displayName("Sales")
                    .members(List.of(Member.builder().value(other).build())).build());
            String user = noPatch.users.put(User.builder().userName("jmuller").build());

            assertEquals(Action.ADOPTED, client.provisionGroup(endpoint(noPatch), SALES, Optional.empty()).action());
            assertEquals(Action.MEMBER_ADDED, client.addMember(endpoint(noPatch), id, user).action());
            assertEquals(Action.MEMBER_ADDED, client.addMember(endpoint(noPatch), id, user).action()); // no twin
            assertEquals(List.of(other, user), memberIds(noPatch, id));
            assertEquals(Action.MEMBER_REMOVED, client.removeMember(endpoint(noPatch), id, user).action());

            assertEquals(List.of(other), memberIds(noPatch, id));
            assertEquals(Optional.of(SALES.externalId()), noPatch.groups.get(id).getExternalId());
        }
    }

    @Test
    void settingTheMembersAddsTheMissingAndDropsTheOthers() {
        String stranger = server.users.put(User.builder().userName("stranger").build());
        String id = client.provisionGroup(endpoint(server), SALES, Optional.empty()).remoteId().orElseThrow();
        client.addMember(endpoint(server), id, stranger); // added downstream, behind Keycloak's back

        ScimResult result = client.setMembers(endpoint(server), id, List.of(jorg, kim));

        assertEquals(new ScimResult(new DeliveryOutcome.Success(200), Action.MEMBERS_SET, Optional.of(id),
                Optional.empty()), result);
        assertEquals(List.of(jorg, kim), memberIds(id));
        assertEquals(Action.MEMBERS_SET, client.setMembers(endpoint(server), id, List.of(kim)).action());
        assertEquals(List.of(kim), memberIds(id));
        assertEquals(Action.MEMBERS_SET, client.setMembers(endpoint(server), id, List.of()).action());
        assertEquals(List.of(), memberIds(id));
        assertEquals(Optional.of("Sales"), server.groups.get(id).getDisplayName(), "the group itself is left alone");
    }

    @Test
    void aServerWithoutPatchHasTheMembersRewritten() {
        try (ScimTestServer noPatch = new ScimTestServer(("Bearer " + TOKEN)::equals, false, true)) {
            String other = noPatch.users.put(User.builder().userName("other").build());
            String user = noPatch.users.put(User.builder().userName("jmuller").build());
            String id = noPatch.groups.put(Group.builder().displayName("Sales").externalId(SALES.externalId())
                    .members(List.of(Member.builder().value(other).build())).build());

            assertEquals(Action.MEMBERS_SET, client.setMembers(endpoint(noPatch), id, List.of(user)).action());

            assertEquals(List.of(user), memberIds(noPatch, id));
            assertEquals(Optional.of(SALES.externalId()), noPatch.groups.get(id).getExternalId());
        }
    }

    @Test
    void settingTheMembersOfAGroupTheServerNoLongerHasFails() {
        ScimResult result = client.setMembers(endpoint(server), "no-such-group", List.of(jorg));

        assertEquals(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(404)), result.outcome());
        assertEquals(Action.FAILED, result.action());
    }

    @Test
    void deletingAGroupIsDoneAlsoWhenItIsAlreadyGone() {
        String id = client.provisionGroup(endpoint(server), SALES, Optional.empty()).remoteId().orElseThrow();

        assertEquals(Action.DELETED, client.deleteGroup(endpoint(server), id).action());
        assertNull(server.groups.get(id));
        assertEquals(new ScimResult(new DeliveryOutcome.Success(404), Action.ALREADY_GONE, Optional.of(id),
                Optional.empty()), client.deleteGroup(endpoint(server), id));
    }

    @Test
    void aDeletedGroupWhoseIdWasNeverStoredIsFoundByExternalIdNeverByName() {
        String ours = server.groups.put(Group.builder().displayName("Sales").externalId(SALES.externalId()).build());

        ScimResult deleted = client.deleteGroup(endpoint(server), SALES.externalId(), Optional.empty());

        assertEquals(Action.DELETED, deleted.action());
        assertNull(server.groups.get(ours));
        String theirs = server.groups.put(Group.builder().displayName("Sales").build());
        assertEquals(Action.ALREADY_GONE, client.deleteGroup(endpoint(server), SALES.externalId(), Optional.empty())
                .action(), "a group of the same name that Orgbridge did not make is left alone");
        assertEquals(Optional.of("Sales"), server.groups.get(theirs).getDisplayName());
    }

    private List<String> memberIds(String groupId) {
        return memberIds(server, groupId);
    }

    private static List<String> memberIds(ScimTestServer server, String groupId) {
        return server.groups.get(groupId).getMembers().stream().map(member -> member.getValue().orElseThrow())
                .toList();
    }
}
