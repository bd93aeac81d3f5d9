package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisioningEventTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserData JORG = new UserData("8c3e2a4f-6b1d-4e7a-9c2b-5d8f1a3e6b90", "jmuller",
            "jmuller@acme.com", "Jörg", "Müller", true, true);
    private static final UserData BARE = new UserData("u2", "bare", null, null, null, false, false);
    private static final OrganizationData ACME = new OrganizationData("o1", "acme", "ACME \"Corp\"");
    private static final GroupData SALES = new GroupData("g1", "/teams/sales");

    static Stream<Arguments> envelopes() {
        String head = "{\"id\":\"msg_1\",\"type\":\"%s\",\"version\":1,\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"realm\":\"app\",\"data\":";
        String jorg = "{\"id\":\"8c3e2a4f-6b1d-4e7a-9c2b-5d8f1a3e6b90\",\"username\":\"jmuller\","
                + "\"email\":\"jmuller@acme.com\",\"firstName\":\"Jörg\",\"lastName\":\"Müller\",\"enabled\":true,"
                + "\"emailVerified\":true}";
        String bare = "{\"id\":\"u2\",\"username\":\"bare\",\"email\":null,\"firstName\":null,\"lastName\":null,"
                + "\"enabled\":false,\"emailVerified\":false}";
        String jorgRef = "{\"id\":\"8c3e2a4f-6b1d-4e7a-9c2b-5d8f1a3e6b90\",\"username\":\"jmuller\"}";
        String acme = "{\"id\":\"o1\",\"alias\":\"acme\",\"name\":\"ACME \\\"Corp\\\"\"}";
        String sales = "{\"id\":\"g1\",\"path\":\"/teams/sales\"}";
        return Stream.of(
                arguments(EventType.USER_CREATED, new EventData.UserState(JORG), "{\"user\":" + jorg + "}", head),
                arguments(EventType.USER_UPDATED, new EventData.UserState(JORG), "{\"user\":" + jorg + "}", head),
                arguments(EventType.USER_DISABLED, new EventData.UserState(BARE), "{\"user\":" + bare + "}", head),
                arguments(EventType.USER_ENABLED, new EventData.UserState(JORG), "{\"user\":" + jorg + "}", head),
                arguments(EventType.USER_DELETED, new EventData.UserDeleted(JORG.ref()), "{\"user\":" + jorgRef + "}",
                        head),
                arguments(EventType.ORGANIZATION_CREATED, new EventData.OrganizationState(ACME),
                        "{\"organization\":" + acme + "}", head),
                arguments(EventType.ORGANIZATION_UPDATED, new EventData.OrganizationState(ACME),
                        "{\"organization\":" + acme + "}", head),
                arguments(EventType.ORGANIZATION_DELETED, new EventData.OrganizationState(ACME),
                        "{\"organization\":" + acme + "}", head),
                arguments(EventType.ORGANIZATION_MEMBER_ADDED, new EventData.OrganizationMembership(ACME, JORG.ref()),
                        "{\"organization\":" + acme + ",\"user\":" + jorgRef + "}", head),
                arguments(EventType.ORGANIZATION_MEMBER_REMOVED,
                        new EventData.OrganizationMembership(ACME, JORG.ref()),
                        "{\"organization\":" + acme + ",\"user\":" + jorgRef + "}", head),
                arguments(EventType.GROUP_MEMBER_ADDED, new EventData.GroupMembership(SALES, JORG.ref()),
                        "{\"group\":" + sales + ",\"user\":" + jorgRef + "}", head),
                arguments(EventType.GROUP_MEMBER_REMOVED, new EventData.GroupMembership(SALES, JORG.ref()),
                        "{\"group\":" + sales + ",\"user\":" + jorgRef + "}", head),
                arguments(EventType.GROUP_SYNCED, new EventData.GroupState(SALES), "{\"group\":" + sales + "}",
                        head),
                arguments(EventType.GROUP_DELETED, new EventData.GroupState(SALES), "{\"group\":" + sales + "}",
                        head));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void writesTheEnvelopeOfEveryType(EventType type, EventData data, String dataJson, String head) {
        ProvisioningEvent event = new ProvisioningEvent("msg_1", type, AT, "app", data);
        assertEquals(String.format(head, type.wireName()) + dataJson + "}", event.toJson());
    }

    @Test
    void everyTypeIsCovered() {
        assertEquals(EventType.values().length, envelopes().count());
    }

    @Test
    void theTestVectorBodyIsWhatTheWriterProduces() {
        ProvisioningEvent event = new ProvisioningEvent("msg_2Zx8kQv3NfT7yLw1aB9cD4eF", EventType.USER_CREATED, AT,
                "app", new EventData.UserState(JORG));
        assertArrayEquals(WebhookSignatureTest.VECTOR_BODY.getBytes(StandardCharsets.UTF_8), event.body());
    }

    static Stream<Arguments> wireNames() {
        return Stream.of(
                arguments(EventType.USER_CREATED, "user.created", SubjectKind.USER),
                arguments(EventType.USER_UPDATED, "user.updated", SubjectKind.USER),
                arguments(EventType.USER_DISABLED, "user.disabled", SubjectKind.USER),
                arguments(EventType.USER_ENABLED, "user.enabled", SubjectKind.USER),
                arguments(EventType.USER_DELETED, "user.deleted", SubjectKind.USER),
                arguments(EventType.ORGANIZATION_CREATED, "organization.created", SubjectKind.ORGANIZATION),
                arguments(EventType.ORGANIZATION_UPDATED, "organization.updated", SubjectKind.ORGANIZATION),
                arguments(EventType.ORGANIZATION_DELETED, "organization.deleted", SubjectKind.ORGANIZATION),
                arguments(EventType.ORGANIZATION_MEMBER_ADDED, "organization.member.added", SubjectKind.USER),
                arguments(EventType.ORGANIZATION_MEMBER_REMOVED, "organization.member.removed", SubjectKind.USER),
                arguments(EventType.GROUP_MEMBER_ADDED, "group.member.added", SubjectKind.USER),
                arguments(EventType.GROUP_MEMBER_REMOVED, "group.member.removed", SubjectKind.USER),
                arguments(EventType.GROUP_SYNCED, "group.synced", SubjectKind.GROUP),
                arguments(EventType.GROUP_DELETED, "group.deleted", SubjectKind.GROUP));
    }

    @ParameterizedTest(name = "{1} joins the {2} queue")
    @MethodSource("wireNames")
    void wireNamesAreStableAndReadBack(EventType type, String wireName, SubjectKind subject) {
        assertEquals(wireName, type.wireName());
        assertEquals(Optional.of(type), EventType.fromWireName(wireName));
        assertEquals(subject, type.subject());
    }

    @Test
    void unknownWireNamesAreNoType() {
        assertEquals(Optional.empty(), EventType.fromWireName("USER.CREATED"));
        assertEquals(Optional.empty(), EventType.fromWireName("user.created "));
        assertEquals(Optional.empty(), EventType.fromWireName("USER_CREATED"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeTakesItsOwnDataShapeOnly(EventType type) {
        EventData[] shapes = {new EventData.UserState(JORG), new EventData.UserDeleted(JORG.ref()),
            new EventData.OrganizationState(ACME), new EventData.OrganizationMembership(ACME, JORG.ref()),
            new EventData.GroupMembership(SALES, JORG.ref()), new EventData.GroupState(SALES)};
        long accepted = Arrays.stream(shapes).filter(data -> {
            try {
                new ProvisioningEvent("msg_1", type, AT, "app", data);
                return true;
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().startsWith(type.wireName() + " carries "), e.getMessage());
                return false;
            }
        }).count();
        assertEquals(1, accepted);
    }

    @Test
    void theTimestampIsWrittenInMillisecondsAtMost() {
        ProvisioningEvent event = new ProvisioningEvent("msg_1", EventType.USER_UPDATED,
                Instant.parse("2026-03-04T05:06:07.123456789Z"), "app", new EventData.UserState(JORG));
        assertTrue(event.toJson().contains("\"timestamp\":\"2026-03-04T05:06:07.123Z\""), event.toJson());
    }

    @Test
    void refusesEventsThatCouldNotBeSigned() {
        EventData data = new EventData.UserState(JORG);
        assertThrows(IllegalArgumentException.class,
                () -> new ProvisioningEvent("msg.1", EventType.USER_UPDATED, AT, "app", data));
        assertThrows(IllegalArgumentException.class,
                () -> new ProvisioningEvent("msg_1", EventType.USER_UPDATED, AT, " ", data));
        assertThrows(IllegalArgumentException.class, () -> new UserData("", "x", null, null, null, true, true));
        assertThrows(NullPointerException.class, () -> new GroupData("g", null));
    }

    @Test
    void logTextCarriesNoPersonalData() {
        ProvisioningEvent event = new ProvisioningEvent("msg_1", EventType.USER_CREATED, AT, "app",
                new EventData.UserState(JORG));
        assertEquals("user.created msg_1 (realm app)", event.toString());
        for (String text : new String[] {event.toString(), event.data().toString(), JORG.ref().toString()}) {
            assertFalse(text.contains("jmuller"), text);
            assertFalse(text.contains("Müller"), text);
        }
    }
}
