package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Name;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import dev.orgbridge.delivery.scim.ScimTestServer;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.Json;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ProvisioningTargetsApi;
import dev.orgbridge.it.harness.TestUsers;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Answer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An admin controls provisioning beyond the changes it follows: provisions one user now and sees the result at once,
 * and re-syncs a whole target in the background, users and (SCIM, push groups on) groups with their members, polling
 * the job and reading its deliveries (docs/admin-api.md#provisioning).
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ProvisioningControlIT extends BrokeredLoginTest {

    private static final String TOKEN = "scim-t0k3n";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @InjectAdminClient
    Keycloak admin;

    private final ScimTestServer app = ScimTestServer.withToken(TOKEN);
    private final WebhookReceiver receiver = new WebhookReceiver();
    private ProvisioningTargetsApi targets;

    @BeforeEach
    void aRealmThatRanWithoutTheApp() {
        targets = new ProvisioningTargetsApi(broker, admin);
        // another target that takes no user changes: the realm's changes are handed out (to nobody) as they happen,
        // so users made before the app is added never reach it on their own
        targets.addWebhook("bystander", receiver.url(), Map.of("eventTypes", List.of("organization.deleted")));
    }

    @AfterEach
    void removeTargets() {
        targets.removeAll();
        app.close();
        receiver.close();
    }

    @Test
    void usersFromBeforeTheAppArriveWithAReSync() {
        Set<String> before = Set.of("ann", "bob", "cid");
        before.forEach(name -> TestUsers.create(broker.admin(), name, name + "@acme.com", true, "password"));
        String scim = addTheAppOnceTheOutboxIsEmpty();
        sleep(Duration.ofSeconds(2));
        assertTrue(app.users.all().isEmpty(), "the app has none of the users made before it was added");

        HttpResponse<String> started = targets.post("provisioning/targets/" + scim + "/resync");
        assertEquals(202, started.statusCode(), started.body());
        Map<String, Object> job = json(started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/orgbridge/provisioning/targets/" + scim + "/resync/" + job.get("id")),
                location);
        assertTrue(Set.of("queued", "running").contains(job.get("state")), job.toString());

        Map<String, Object> done = awaitJob(scim, (String) job.get("id"), j -> !"queued".equals(j.get("state"))
                && !"running".equals(j.get("state")));
        assertEquals("done", done.get("state"), done.toString());
        long users = broker.admin().users().count();
        assertEquals(users, number(done, "usersChecked"));
        assertEquals(users, number(done, "total"));
        assertEquals(users, number(done, "delivered"));
        assertEquals(0, number(done, "pending") + number(done, "failed") + number(done, "skipped"));
        assertNotNull(done.get("finishedAt"));
        assertTrue(usernames().containsAll(before), "every user is in the app now: " + usernames());
        assertEquals(users, app.users.all().size(), "once each");

        List<Map<String, Object>> jobs = list(targets.get("provisioning/targets/" + scim + "/resync"));
        assertEquals(List.of(job.get("id")), jobs.stream().map(j -> j.get("id")).toList());
        List<Map<String, Object>> log = targets.deliveries("target=" + scim);
        assertTrue(log.stream().allMatch(d -> job.get("id").equals(d.get("resyncJobId"))
                && "resync".equals(d.get("source"))), log.toString());
    }

    @Test
    void aReSyncRepairsWhatWasChangedInTheApp() {
        String scim = addTheAppOnceTheOutboxIsEmpty();
        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        User jdoe = awaitUser("jdoe", u -> true);
        // someone edits the user in the app: Keycloak's change log knows nothing of it
        jdoe.setName(Name.builder().givenName("Mallory").familyName("jdoe").build());
        jdoe.setActive(false);
        app.users.updateResource(jdoe, null);

        Map<String, Object> job = json(targets.post("provisioning/targets/" + scim + "/resync").body());
        Map<String, Object> done = awaitJob(scim, (String) job.get("id"), j -> "done".equals(j.get("state")));

        assertEquals(1, number(done, "delivered"), "sent although unchanged since the last delivery");
        User repaired = awaitUser("jdoe", u -> u.isActive().orElse(false));
        assertEquals(Optional.of("Test"), repaired.getName().flatMap(Name::getGivenName));
        assertEquals(1, app.users.all().size());
    }

    @Test
    void aReSyncBringsBackTheGroupsAndMembersSomeoneChangedInTheApp() {
        awaitOutboxEmpty();
        String scim = targets.add("orgbridge-scim", "app", Map.of("baseUrl", List.of(app.baseUrl()),
                "token", List.of(TOKEN), "pushGroups", List.of("true")));
        String ann = TestUsers.create(broker.admin(), "ann", "ann@acme.com", true, "password");
        String bob = TestUsers.create(broker.admin(), "bob", "bob@acme.com", true, "password");
        String cid = TestUsers.create(broker.admin(), "cid", "cid@acme.com", true, "password");
        String sales = group("sales-emea");
        String support = group("support-emea");
        String empty = group("nobody-here");
        try {
            broker.admin().users().get(ann).joinGroup(sales);
            broker.admin().users().get(bob).joinGroup(sales);
            broker.admin().users().get(cid).joinGroup(support);
            awaitGroups(Map.of("sales-emea", Set.of("ann", "bob"), "support-emea", Set.of("cid")));
            // someone works in the app directly: drops bob, adds a stranger, deletes a whole group
            String stranger = app.users.put(User.builder().userName("stranger").active(true).build());
            Group salesInApp = appGroup("sales-emea").orElseThrow();
            salesInApp.setMembers(List.of(member(remoteId("ann")), member(stranger)));
            app.groups.updateResource(salesInApp, null);
            app.groups.deleteResource(appGroup("support-emea").orElseThrow().getId().orElseThrow(), null);

            HttpResponse<String> started = targets.post("provisioning/targets/" + scim + "/resync");
            assertEquals(202, started.statusCode(), started.body());
            String jobId = (String) json(started.body()).get("id");
            Map<String, Object> done = awaitJob(scim, jobId, j -> !"queued".equals(j.get("state"))
                    && !"running".equals(j.get("state")));

            assertEquals("done", done.get("state"), done.toString());
            assertEquals(Map.of("sales-emea", Set.of("ann", "bob"), "support-emea", Set.of("cid")), appGroups(),
                    "the app's groups and members are Keycloak's again; the empty group was never made");
            long groups = number(done, "groupsChecked");
            assertTrue(groups >= 3, "every group of the realm looked at: " + done);
            assertEquals(number(done, "usersChecked") + groups, number(done, "total"), done.toString());
            List<Map<String, Object>> groupCalls = targets.deliveries("job=" + jobId + "&max=1000").stream()
                    .filter(d -> "group.synced".equals(d.get("type"))).toList();
            assertEquals(groups, groupCalls.size(), groupCalls.toString());
            Map<Object, Object> statusOf = groupCalls.stream().collect(Collectors.toMap(d -> d.get("subjectId"),
                    d -> d.get("status")));
            assertEquals("delivered", statusOf.get(sales));
            assertEquals("delivered", statusOf.get(support));
            assertEquals("skipped", statusOf.get(empty), "no member for the app, never sent: nothing to do");
        } finally {
            List.of(sales, support, empty).forEach(id -> broker.admin().groups().group(id).remove());
        }
    }

    @Test
    void aGroupDeletedInKeycloakIsDeletedInTheAppButNotTheAppsOwnGroupOfTheSameName() {
        awaitOutboxEmpty();
        targets.add("orgbridge-scim", "app", Map.of("baseUrl", List.of(app.baseUrl()), "token", List.of(TOKEN),
                "pushGroups", List.of("true")));
        String ann = TestUsers.create(broker.admin(), "ann", "ann@acme.com", true, "password");
        String sales = group("sales-emea");
        String legal = group("legal");
        app.groups.put(Group.builder().displayName("legal").build()); // the app's own, never Orgbridge's
        broker.admin().users().get(ann).joinGroup(sales);
        awaitGroups(Map.of("sales-emea", Set.of("ann"), "legal", Set.of()));

        broker.admin().groups().group(sales).remove();
        broker.admin().groups().group(legal).remove();

        awaitGroups(Map.of("legal", Set.of()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Map<String, Object>> deletions = groupDeletions();
        while (!deletions.stream().allMatch(d -> "delivered".equals(d.get("status"))) || deletions.size() < 2) {
            assertTrue(System.nanoTime() < deadline, "both deletions delivered: " + deletions);
            sleep(Duration.ofMillis(200));
            deletions = groupDeletions();
        }
        assertEquals(Set.of(sales, legal), deletions.stream().map(d -> d.get("subjectId")).collect(Collectors.toSet()),
                "one group.deleted per Keycloak group, the app's own legal left alone: " + deletions);
    }

    @Test
    void anAdminListsAJobsDeliveriesAndBadJobIdsAreRefused() {
        WebhookReceiver failing = new WebhookReceiver();
        try {
            String hook = annAndBobToAnAppRefusingThem(failing);
            String jobId = (String) json(targets.post("provisioning/targets/" + hook + "/resync").body()).get("id");
            awaitJob(hook, jobId, j -> "failed".equals(j.get("state")));
            String earlier = (String) json(targets.post("provisioning/targets/" + hook + "/resync").body()).get("id");
            awaitJob(hook, earlier, j -> "failed".equals(j.get("state")));

            List<Map<String, Object>> failed = targets.deliveries("job=" + jobId + "&status=dead");
            assertEquals(broker.admin().users().count().longValue(), failed.size(), failed.toString());
            assertTrue(failed.stream().allMatch(d -> jobId.equals(d.get("resyncJobId"))
                    && ((String) d.get("lastError")).contains("400")), failed.toString());
            assertEquals(failed, targets.deliveries("job=" + jobId + "&status=dead&target=" + hook),
                    "the job's own target: the same");

            HttpResponse<String> unknown = targets.get("provisioning/deliveries?job=no-such-job");
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertTrue(unknown.body().contains("No re-sync job no-such-job"), unknown.body());
            String other = targets.addWebhook("other app", failing.url(), Map.of());
            HttpResponse<String> otherTarget = targets.get("provisioning/deliveries?job=" + jobId + "&target="
                    + other);
            assertEquals(400, otherTarget.statusCode(), otherTarget.body());
            assertTrue(otherTarget.body().contains("is one of provisioning target " + hook), otherTarget.body());
            assertEquals(400, targets.get("provisioning/deliveries?job=" + jobId + "&status=lost").statusCode());
        } finally {
            failing.close();
        }
    }

    @Test
    void anAdminProvisionsOneUserNowAndSeesTheResult() {
        String jdoeId = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        String scim = addTheAppOnceTheOutboxIsEmpty();

        HttpResponse<String> first = targets.post("provisioning/targets/" + scim + "/users/" + jdoeId + "/provision");

        assertEquals(200, first.statusCode(), first.body());
        Map<String, Object> result = json(first.body());
        assertEquals("delivered", result.get("status"), result.toString());
        assertEquals("user.created", result.get("operation"));
        assertEquals(201, result.get("httpStatus"));
        assertEquals("jdoe", result.get("username"));
        assertTrue(((String) result.get("messageId")).startsWith("msg_"));
        User inApp = app.users.all().stream().filter(u -> u.getUserName().equals(Optional.of("jdoe"))).findFirst()
                .orElseThrow(() -> new AssertionError("jdoe is in the app as soon as the call answers"));
        assertEquals(inApp.getId().orElseThrow(), result.get("remoteId"));
        assertEquals(Optional.of(jdoeId), inApp.getExternalId());

        Map<String, Object> again = json(targets.post("provisioning/targets/" + scim + "/users/" + jdoeId
                + "/provision").body());
        assertEquals("delivered", again.get("status"), "sent although nothing changed: the admin asked");
        assertEquals("user.updated", again.get("operation"));
        assertEquals(1, app.users.all().size());

        List<Map<String, Object>> log = targets.deliveries("target=" + scim + "&subject=" + jdoeId);
        assertEquals(List.of(again.get("deliveryId"), result.get("deliveryId")), log.stream().map(d -> d.get("id"))
                .toList());
        assertTrue(log.stream().allMatch(d -> "provision-now".equals(d.get("source"))
                && "delivered".equals(d.get("status"))), log.toString());
    }

    @Test
    void aReSyncToAFailingAppShowsItsFailures() {
        WebhookReceiver failing = new WebhookReceiver();
        try {
            String hook = annAndBobToAnAppRefusingThem(failing);

            Map<String, Object> job = json(targets.post("provisioning/targets/" + hook + "/resync").body());
            Map<String, Object> failed = awaitJob(hook, (String) job.get("id"), j -> "failed".equals(j.get("state")));

            long users = broker.admin().users().count();
            assertEquals(users, number(failed, "total"));
            assertEquals(users, number(failed, "failed"));
            assertEquals(0, number(failed, "delivered"));
            assertTrue(failing.received().stream().allMatch(d -> "user.created".equals(d.type())),
                    "the app never held them: each arrives as user.created with its current state");
            assertEquals(Set.of("ann", "bob"), failing.received().stream().map(WebhookReceiver.Delivery::username)
                    .collect(Collectors.toSet()));
        } finally {
            failing.close();
        }
    }

    @Test
    void aSecondReSyncWhileOneRunsIsRefusedWithTheRunningJob() {
        TestUsers.create(broker.admin(), "ann", "ann@acme.com", true, "password");
        awaitOutboxEmpty();
        WebhookReceiver down = new WebhookReceiver();
        try {
            down.answer(Answer.status(503));
            String hook = targets.addWebhook("app", down.url(), Map.of("maxAttempts", List.of("30")));
            String running = (String) json(targets.post("provisioning/targets/" + hook + "/resync").body()).get("id");

            HttpResponse<String> second = targets.post("provisioning/targets/" + hook + "/resync");

            assertEquals(409, second.statusCode(), second.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> job = (Map<String, Object>) json(second.body()).get("job");
            assertEquals(running, job.get("id"));
            assertTrue(second.headers().firstValue("Location").orElseThrow().endsWith("/resync/" + running));
            Map<String, Object> retrying = awaitJob(hook, running, j -> number(j, "retrying") > 0);
            assertEquals("running", retrying.get("state"), "failures that are retried keep the job running");
        } finally {
            down.close();
        }
    }

    @Test
    void aReSyncOfAnOrganizationsAppLeavesOtherUsersOut() {
        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        awaitOutboxEmpty();
        String globexOnly = targets.add("orgbridge-scim", "globex app", Map.of("baseUrl", List.of(app.baseUrl()),
                "token", List.of(TOKEN), "scopeKind", List.of("organizations"), "scopeValues", List.of("globex")));

        Map<String, Object> job = json(targets.post("provisioning/targets/" + globexOnly + "/resync").body());
        Map<String, Object> done = awaitJob(globexOnly, (String) job.get("id"), j -> "done".equals(j.get("state")));

        assertEquals(broker.admin().users().count().longValue(), number(done, "usersChecked"));
        assertEquals(0, number(done, "total"), "no user is a member of globex: nothing queued");
        assertTrue(app.users.all().isEmpty());
    }

    @Test
    void badRequestsAreRefusedClearly() {
        String jdoeId = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        String scim = addTheAppOnceTheOutboxIsEmpty();
        // it takes new users (to mail admins about them), yet keeps none: nothing to provision or re-sync
        String mails = targets.add("orgbridge-email-notifications", "ops mails",
                Map.of("recipients", List.of("ops@acme.com"), "notifyOn", List.of("user-created-just-in-time")));
        String globexOnly = targets.add("orgbridge-scim", "globex app", Map.of("baseUrl", List.of(app.baseUrl()),
                "token", List.of(TOKEN), "scopeKind", List.of("organizations"), "scopeValues", List.of("globex")));

        assertEquals(404, targets.post("provisioning/targets/no-such-target/users/" + jdoeId + "/provision")
                .statusCode());
        assertEquals(404, targets.post("provisioning/targets/" + scim + "/users/no-such-user/provision").statusCode());
        assertEquals(400, targets.post("provisioning/targets/" + mails + "/users/" + jdoeId + "/provision")
                .statusCode());
        assertEquals(404, targets.post("provisioning/targets/no-such-target/resync").statusCode());
        assertEquals(400, targets.post("provisioning/targets/" + mails + "/resync").statusCode());
        assertEquals(404, targets.get("provisioning/targets/" + scim + "/resync/no-such-job").statusCode());

        HttpResponse<String> outOfScope = targets.post("provisioning/targets/" + globexOnly + "/users/" + jdoeId
                + "/provision");
        assertEquals(200, outOfScope.statusCode(), outOfScope.body());
        Map<String, Object> skipped = json(outOfScope.body());
        assertEquals("skipped", skipped.get("status"));
        assertEquals("out of the target's scope", skipped.get("reason"));
        assertTrue(app.users.all().isEmpty(), "nothing was sent");
    }

    /** Adds the SCIM app once every change made so far has been handed out; answers its id. */
    private String addTheAppOnceTheOutboxIsEmpty() {
        awaitOutboxEmpty();
        return targets.add("orgbridge-scim", "app", Map.of("baseUrl", List.of(app.baseUrl()),
                "token", List.of(TOKEN)));
    }

    /** Ann and Bob, and a webhook target whose app refuses every call with 400; returns the target's id. */
    private String annAndBobToAnAppRefusingThem(WebhookReceiver app) {
        TestUsers.create(broker.admin(), "ann", "ann@acme.com", true, "password");
        TestUsers.create(broker.admin(), "bob", "bob@acme.com", true, "password");
        awaitOutboxEmpty();
        app.answer(Answer.status(400));
        return targets.addWebhook("app", app.url(), Map.of());
    }

    private void awaitOutboxEmpty() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!list(targets.get("provisioning/outbox")).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox was not handed out");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private Map<String, Object> awaitJob(String targetId, String jobId, Predicate<Map<String, Object>> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Object> job;
        do {
            HttpResponse<String> response = targets.get("provisioning/targets/" + targetId + "/resync/" + jobId);
            assertEquals(200, response.statusCode(), response.body());
            job = json(response.body());
            if (until.test(job)) {
                return job;
            }
            sleep(Duration.ofMillis(250));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + jobId + " never got there: " + job);
    }

    /** Makes a top-level group in Keycloak; answers its id. */
    private String group(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        broker.admin().groups().add(group).close();
        return broker.admin().getGroupByPath("/" + name).getId();
    }

    private void awaitGroups(Map<String, Set<String>> expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!appGroups().equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app's groups are " + appGroups() + ", not " + expected);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private List<Map<String, Object>> groupDeletions() {
        return targets.deliveries("max=100").stream().filter(d -> "group.deleted".equals(d.get("type"))).toList();
    }

    /** The app's groups by name, with their members' user names. */
    private Map<String, Set<String>> appGroups() {
        Map<String, String> names = app.users.all().stream().collect(Collectors.toMap(u -> u.getId().orElseThrow(),
                u -> u.getUserName().orElse("?")));
        return app.groups.all().stream().collect(Collectors.toMap(g -> g.getDisplayName().orElse("?"),
                g -> g.getMembers().stream().map(m -> names.getOrDefault(m.getValue().orElse(""), "?"))
                        .collect(Collectors.toSet())));
    }

    private Optional<Group> appGroup(String name) {
        return app.groups.all().stream().filter(g -> g.getDisplayName().equals(Optional.of(name))).findFirst();
    }

    private String remoteId(String userName) {
        return awaitUser(userName, u -> true).getId().orElseThrow();
    }

    private static Member member(String userId) {
        return Member.builder().value(userId).build();
    }

    private User awaitUser(String userName, Predicate<User> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<User> found = app.users.all().stream()
                    .filter(u -> u.getUserName().equals(Optional.of(userName))).findFirst();
            if (found.isPresent() && until.test(found.get())) {
                return found.get();
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("the app has no such " + userName + ": " + usernames());
    }

    private Set<String> usernames() {
        return app.users.all().stream().map(u -> u.getUserName().orElse("?")).collect(Collectors.toSet());
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    private static Map<String, Object> json(String body) {
        return Json.object(body);
    }

    private static List<Map<String, Object>> list(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.list(response.body());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
