package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.AccountApi;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.IdpMappers;
import dev.orgbridge.it.harness.OrgbridgeAdminApi;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.PasswordGrant;
import dev.orgbridge.it.harness.TestUsers;
import dev.orgbridge.it.harness.Workflows;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MembershipType;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * Every way a user or membership changes lands in the provisioning outbox with the change itself (the demo realm has
 * the event listener orgbridge-provisioning on), and a change that does not happen leaves nothing there.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ProvisioningCaptureIT extends BrokeredLoginTest {

    @InjectAdminClient
    Keycloak admin;

    /** The outbox outlives a test's users: each test reads what it recorded. */
    private final long testStarted = System.currentTimeMillis();

    @Test
    void aJustInTimeLoginRecordsTheUserTheOrganizationJoinAndTheTeam() {
        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

        String carol = userId(CustomerUser.CAROL.email());
        String globex = globexId();
        String support = broker.admin().getGroupByPath("/teams/Support").getId();
        List<String> changes = changesOf(carol);
        assertTrue(changes.contains("user.created " + CustomerIdp.OIDC.alias() + " login"),
                "Keycloak's REGISTER of a broker login names the identity provider, kept with the entry: " + changes);
        assertTrue(changes.contains("organization.member.added " + globex + " model"), changes.toString());
        assertTrue(changes.contains("group.member.added " + support + " model"), changes.toString());
    }

    @Test
    void aGroupThatKeycloaksOwnIdentityProviderMapperAssignsAtLoginIsRecorded() {
        GroupRepresentation customers = new GroupRepresentation();
        customers.setName("customers");
        String group;
        try (Response created = broker.admin().groups().add(customers)) {
            group = created.getLocation().getPath().substring(created.getLocation().getPath().lastIndexOf('/') + 1);
        }
        String mapper = IdpMappers.add(broker, CustomerIdp.OIDC, "all customers", "oidc-hardcoded-group-idp-mapper",
                Map.of("group", "/customers", "syncMode", "INHERIT"));
        try {
            browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

            // Keycloak's mapper reports no admin event: the membership event does
            List<String> changes = changesOf(userId(CustomerUser.CAROL.email()));
            assertTrue(changes.contains("group.member.added " + group + " model"), changes.toString());
        } finally {
            IdpMappers.remove(broker, CustomerIdp.OIDC, mapper);
            broker.admin().groups().group(group).remove();
        }
    }

    @Test
    void theUserChangingTheirProfileInTheAccountConsoleIsRecorded() {
        String token = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn().tokens().getToken();
        String carol = userId(CustomerUser.CAROL.email());

        new AccountApi(broker.getName(), token).updateProfile(profile -> {
            profile.put("firstName", "Caroline");
            return profile;
        });

        assertEquals("Caroline", broker.admin().users().get(carol).toRepresentation().getFirstName());
        List<String> changes = changesOf(carol);
        assertTrue(changes.contains("user.updated login"), changes.toString());
    }

    @Test
    void anAdminsCreateUpdateDisableEnableAndDeleteAreRecorded() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        UserRepresentation change = broker.admin().users().get(jdoe).toRepresentation();
        change.setFirstName("Jane");
        broker.admin().users().get(jdoe).update(change);
        change.setEnabled(false);
        broker.admin().users().get(jdoe).update(change);
        change.setEnabled(true);
        broker.admin().users().get(jdoe).update(change);
        broker.admin().users().delete(jdoe).close();

        // an update that flips "enabled" is typed by it, so the app can deprovision and restore
        List<String> changes = changesOf(jdoe);
        assertEquals(List.of("user.created admin", "user.updated admin", "user.disabled admin", "user.enabled admin",
                        "user.deleted model"),
                changes.stream().filter(c -> c.startsWith("user.")).toList(), changes.toString());
    }

    @Test
    void aKeycloakWorkflowDisablingAUserIsRecorded() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        Workflows workflows = new Workflows(broker.getName(), admin);
        String offboarding = workflows.create("""
                {"name": "offboard contractors", "steps": [{"uses": "disable-user"}]}""");
        try {
            workflows.activateForUser(offboarding, jdoe);

            // the step runs in the background and reports no admin or user event: its step event does
            List<String> changes = awaitChanges(jdoe, c -> c.contains("user.disabled workflow"));
            assertTrue(changes.contains("user.disabled workflow"), changes.toString());
            assertEquals(false, broker.admin().users().get(jdoe).toRepresentation().isEnabled());
        } finally {
            workflows.delete(offboarding);
        }
    }

    @Test
    void aKeycloakWorkflowSettingAnAttributeIsRecordedAsAnUpdate() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        Workflows workflows = new Workflows(broker.getName(), admin);
        String leaver = workflows.create("""
                {"name": "mark leavers", "steps": [{"uses": "set-user-attribute", "with": {"leaver": "true"}}]}""");
        try {
            workflows.activateForUser(leaver, jdoe);

            // the attribute changes without any admin or user event: the step event reports it
            List<String> changes = awaitChanges(jdoe, c -> c.contains("user.updated workflow"));
            assertTrue(changes.contains("user.updated workflow"), changes.toString());
        } finally {
            workflows.delete(leaver);
        }
    }

    @Test
    void aPermanentLockoutAfterWrongPasswordsIsRecordedAsDisabled() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        RealmRepresentation before = broker.admin().toRepresentation();
        RealmRepresentation lockout = new RealmRepresentation();
        lockout.setBruteForceProtected(true);
        lockout.setPermanentLockout(true);
        lockout.setMaxTemporaryLockouts(0);
        lockout.setFailureFactor(2);
        lockout.setQuickLoginCheckMilliSeconds(1L); // two quick tries count as two failures, not one
        broker.admin().update(lockout);
        try {
            assertEquals(400, PasswordGrant.request(broker.getName(), "jdoe", "wrong").statusCode());
            awaitFailuresCounted(jdoe, 1); // Keycloak counts failures in the background
            assertEquals(400, PasswordGrant.request(broker.getName(), "jdoe", "wrong again").statusCode());

            // brute-force protection disables the account and says so with its own user event
            List<String> changes = awaitChanges(jdoe, c -> c.contains("user.disabled login"));
            UserRepresentation locked = broker.admin().users().get(jdoe).toRepresentation();
            assertTrue(changes.contains("user.disabled login"), changes + "; the user: enabled " + locked.isEnabled()
                    + ", " + locked.getAttributes() + ", brute-force status "
                    + broker.admin().attackDetection().bruteForceUserStatus(jdoe));
            assertEquals(false, locked.isEnabled());
            assertEquals(400, PasswordGrant.request(broker.getName(), "jdoe", "password").statusCode(),
                    "locked for good: even the right password is refused");
        } finally {
            RealmRepresentation restore = new RealmRepresentation();
            restore.setBruteForceProtected(before.isBruteForceProtected());
            restore.setPermanentLockout(before.isPermanentLockout());
            restore.setMaxTemporaryLockouts(before.getMaxTemporaryLockouts());
            restore.setFailureFactor(before.getFailureFactor());
            restore.setQuickLoginCheckMilliSeconds(before.getQuickLoginCheckMilliSeconds());
            broker.admin().update(restore);
        }
    }

    @Test
    void disablingAnOrganizationRecordsItsManagedMembersAsDisabledAndEnablingItAsEnabled() {
        String carol = managedMemberOfGlobex();
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        OrganizationResource globex = broker.admin().organizations().get(globexId());
        globex.members().addMember(jdoe).close();
        assertEquals(MembershipType.UNMANAGED, globex.members().member(jdoe).toRepresentation().getMembershipType());

        OrganizationRepresentation change = globex.toRepresentation();
        change.setEnabled(false);
        globex.update(change).close();
        try {
            // Keycloak now presents Carol as disabled, without an event for her; jdoe still signs in
            assertEquals(false, broker.admin().users().get(carol).toRepresentation().isEnabled());
            PasswordGrant.accessToken(broker.getName(), "jdoe", "password");
        } finally {
            change.setEnabled(true);
            globex.update(change).close();
        }

        assertEquals(List.of("user.disabled admin", "user.enabled admin"), changesOf(carol).stream()
                .filter(c -> c.startsWith("user.disabled") || c.startsWith("user.enabled")).toList(),
                changesOf(carol).toString());
        assertEquals(List.of(), changesOf(jdoe).stream()
                .filter(c -> c.startsWith("user.disabled") || c.startsWith("user.enabled")).toList(),
                "an unmanaged member keeps its state: " + changesOf(jdoe));
        assertEquals(List.of("organization.updated admin", "organization.updated admin"), changesOf(globexId()));
    }

    @Test
    void turningTheRealmsOrganizationsOffAndOnRecordsEveryManagedMemberAsDisabledThenEnabled() {
        String carol = managedMemberOfGlobex();
        RealmRepresentation off = new RealmRepresentation();
        off.setOrganizationsEnabled(false);
        broker.admin().update(off);
        try {
            // every managed member of the realm is disabled while Organizations are off
            assertEquals(false, broker.admin().users().get(carol).toRepresentation().isEnabled());
        } finally {
            RealmRepresentation on = new RealmRepresentation();
            on.setOrganizationsEnabled(true);
            broker.admin().update(on);
        }

        assertEquals(List.of("user.disabled admin", "user.enabled admin"), changesOf(carol).stream()
                        .filter(c -> c.startsWith("user.disabled") || c.startsWith("user.enabled")).toList(),
                changesOf(carol).toString());
    }

    @Test
    void anAdminsGroupChangesAreRecorded() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        String support = broker.admin().getGroupByPath("/teams/Support").getId();

        broker.admin().users().get(jdoe).joinGroup(support);
        broker.admin().users().get(jdoe).leaveGroup(support);

        assertEquals(List.of("group.member.added " + support + " model", "group.member.removed " + support + " model"),
                changesOf(jdoe).stream().filter(c -> c.startsWith("group.")).toList());
    }

    @Test
    void anAdminsOrganizationChangesAreRecorded() {
        OrganizationRepresentation initech = new OrganizationRepresentation();
        initech.setName("Initech");
        initech.setAlias("initech");
        OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
        domain.setName("initech.com");
        initech.addDomain(domain);
        String id;
        try (Response created = broker.admin().organizations().create(initech)) {
            assertEquals(201, created.getStatus());
            id = created.getLocation().getPath().substring(created.getLocation().getPath().lastIndexOf('/') + 1);
        }
        OrganizationRepresentation renamed = broker.admin().organizations().get(id).toRepresentation();
        renamed.setName("Initech Corp");
        broker.admin().organizations().get(id).update(renamed).close();
        broker.admin().organizations().get(id).delete().close();

        // the deletion comes from Keycloak's removal event, which every way of deleting fires
        assertEquals(List.of("organization.created admin", "organization.updated admin",
                "organization.deleted model"), changesOf(id));
    }

    @Test
    void anAdminAddingAMemberToAnOrganizationIsRecorded() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");

        broker.admin().organizations().get(globexId()).members().addMember(jdoe).close();

        // Keycloak's organization membership event reports it, whoever joins the user
        assertTrue(changesOf(jdoe).contains("organization.member.added " + globexId() + " model"),
                changesOf(jdoe).toString());
    }

    @Test
    void anAdminRemovingAMemberFromAnOrganizationIsRecorded() {
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        broker.admin().organizations().get(globexId()).members().addMember(jdoe).close();

        broker.admin().organizations().get(globexId()).members().member(jdoe).delete().close();

        List<String> changes = changesOf(jdoe);
        assertTrue(changes.contains("organization.member.removed " + globexId() + " model"), changes.toString());
        assertEquals(List.of(), broker.admin().organizations().get(globexId()).members().list(0, 100).stream()
                .filter(m -> m.getId().equals(jdoe)).toList(), "and the user is no member any more");
    }

    @Test
    void aChangeThatDoesNotHappenRecordsNothing() {
        TestUsers.create(broker.admin(), "first", "first@acme.com", true, "password");
        UserRepresentation taken = new UserRepresentation();
        taken.setUsername("second");
        taken.setEmail("first@acme.com"); // refused: the email exists
        taken.setEnabled(true);
        try (Response refused = broker.admin().users().create(taken)) {
            assertEquals(409, refused.getStatus());
        }

        assertEquals(1, outbox().stream().filter(e -> "user.created".equals(e.get("type"))).count(),
                outbox().toString());
    }

    private List<String> changesOf(String subjectId) {
        return outbox().stream()
                .filter(e -> subjectId.equals(e.get("subjectId")))
                .map(e -> e.get("type") + (e.get("relatedId") == null ? "" : " " + e.get("relatedId")) + " "
                        + e.get("source"))
                .toList();
    }

    private List<String> awaitChanges(String subjectId, Predicate<List<String>> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> changes = changesOf(subjectId);
        while (!until.test(changes) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            changes = changesOf(subjectId);
        }
        return changes;
    }

    private void awaitFailuresCounted(String userId, int failures) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> status = broker.admin().attackDetection().bruteForceUserStatus(userId);
        while (((Number) status.get("numFailures")).intValue() < failures && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = broker.admin().attackDetection().bruteForceUserStatus(userId);
        }
        assertEquals(failures, ((Number) status.get("numFailures")).intValue(), status.toString());
    }

    private List<Map<String, Object>> outbox() {
        HttpResponse<String> response = OrgbridgeAdminApi.get(broker.getName(), "provisioning/outbox?max=1000",
                admin.tokenManager().getAccessTokenString());
        assertEquals(200, response.statusCode(), response.body());
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = JsonSerialization.readValue(response.body(), List.class);
            return entries.stream()
                    .filter(e -> ((Number) e.get("createdAt")).longValue() >= testStarted)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Carol, created just in time by her first login with the onboarding policy's membership set to managed. */
    private String managedMemberOfGlobex() {
        BrokerState.withPolicy(broker, Map.of("membership", List.of("managed")),
                () -> browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn());
        String carol = userId(CustomerUser.CAROL.email());
        assertEquals(MembershipType.MANAGED, broker.admin().organizations().get(globexId()).members().member(carol)
                .toRepresentation().getMembershipType());
        return carol;
    }

    private String globexId() {
        return BrokerState.organizations(broker).stream().filter(o -> o.getAlias().equals("globex"))
                .map(OrganizationRepresentation::getId).findFirst().orElseThrow();
    }

    private String userId(String email) {
        return broker.admin().users().searchByEmail(email, true).get(0).getId();
    }
}
