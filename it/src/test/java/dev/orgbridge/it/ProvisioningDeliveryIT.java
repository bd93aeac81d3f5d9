package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.Mailbox;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ProvisioningTargetsApi;
import dev.orgbridge.it.harness.TestUsers;
import dev.orgbridge.it.harness.Workflows;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Answer;
import dev.orgbridge.it.harness.WebhookReceiver.Delivery;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The downstream app learns every change through its signed webhook, delivered in the background: in order, retried
 * while it is down, never lost, and never hammered when it keeps failing (docs/provisioning.md#delivery).
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ProvisioningDeliveryIT extends BrokeredLoginTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectAdminClient
    Keycloak admin;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private ProvisioningTargetsApi targets;

    @BeforeEach
    void api() {
        targets = new ProvisioningTargetsApi(broker, admin);
    }

    @AfterEach
    void removeTargets() {
        targets.removeAll();
        receiver.close();
    }

    @Test
    void anAdminCreatedUserReachesTheAppSigned() {
        targets.addWebhook("app", receiver.url(), Map.of());

        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");

        Delivery created = awaitFirst("jdoe", "user.created");
        assertTrue(created.signatureValid(), "signed with the target's secret");
        assertEquals("jdoe@acme.com", ((Map<?, ?>) created.data().get("user")).get("email"));
        assertEquals(1, created.body().get("version"));
        assertEquals(broker.getName(), created.body().get("realm"));
    }

    @Test
    void aJustInTimeLoginArrivesAsTheUserThenTheirMemberships() {
        targets.addWebhook("app", receiver.url(), Map.of());

        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

        String carol = broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true).get(0).getId();
        List<Delivery> deliveries = receiver.await(d -> carol.equals(d.userId()),
                d -> types(d).containsAll(List.of("user.created", "organization.member.added",
                        "group.member.added")), WAIT);
        List<String> types = types(deliveries);
        assertEquals("user.created", types.get(0), "the user exists downstream before joining anything: " + types);
        assertTrue(types.contains("organization.member.added") && types.contains("group.member.added"),
                types.toString());
        assertEquals(1, types.stream().filter("organization.member.added"::equals).count(),
                "the join reported twice by Keycloak is sent once: " + types);
    }

    @Test
    void aLoginThatSyncsTheProfileFromTheIdentityProviderSendsTheChange() {
        targets.addWebhook("app", receiver.url(), Map.of());
        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();
        String carol = broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true).get(0).getId();
        receiver.await(d -> carol.equals(d.userId()) && "user.created".equals(d.type()), d -> !d.isEmpty(), WAIT);
        IdentityProviderRepresentation idp = broker.admin().identityProviders().get(CustomerIdp.OIDC.alias())
                .toRepresentation();
        String syncMode = idp.getConfig().get("syncMode");
        UserRepresentation atIdp = customerIdp.admin().users().searchByUsername(CustomerUser.CAROL.username(), true)
                .get(0);
        String firstName = atIdp.getFirstName();
        try {
            idp.getConfig().put("syncMode", "FORCE");
            broker.admin().identityProviders().get(CustomerIdp.OIDC.alias()).update(idp);
            atIdp.setFirstName("Caroline");
            customerIdp.admin().users().get(atIdp.getId()).update(atIdp);

            try (Browser again = new Browser()) {
                again.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();
            }

            Delivery updated = receiver.await(d -> carol.equals(d.userId()) && "user.updated".equals(d.type()),
                    d -> !d.isEmpty(), WAIT).stream().findFirst().orElseThrow(() -> new AssertionError(
                    "no user.updated; received " + types(receiver.received())));
            assertEquals("Caroline", ((Map<?, ?>) updated.data().get("user")).get("firstName"));
        } finally {
            idp.getConfig().put("syncMode", syncMode);
            broker.admin().identityProviders().get(CustomerIdp.OIDC.alias()).update(idp);
            atIdp.setFirstName(firstName);
            customerIdp.admin().users().get(atIdp.getId()).update(atIdp);
        }
    }

    @Test
    void updatesDisablingEnablingAndDeletionArriveInOrderWithTheLastKnownUsername() {
        targets.addWebhook("app", receiver.url(), Map.of());
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        awaitFirst("jdoe", "user.created");

        UserRepresentation change = broker.admin().users().get(jdoe).toRepresentation();
        change.setFirstName("Jane");
        broker.admin().users().get(jdoe).update(change);
        awaitFirst("jdoe", "user.updated");
        change.setEnabled(false);
        broker.admin().users().get(jdoe).update(change);
        Delivery disabled = awaitFirst("jdoe", "user.disabled");
        assertEquals(Boolean.FALSE, ((Map<?, ?>) disabled.data().get("user")).get("enabled"));
        change.setEnabled(true);
        broker.admin().users().get(jdoe).update(change);
        Delivery enabled = awaitFirst("jdoe", "user.enabled");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) enabled.data().get("user")).get("enabled"));
        broker.admin().users().delete(jdoe).close();

        Delivery deleted = awaitFirst("jdoe", "user.deleted");
        assertEquals(Map.of("id", jdoe, "username", "jdoe"), deleted.data().get("user"));
        List<String> types = types(receiver.about("jdoe"));
        assertEquals("user.deleted", types.get(types.size() - 1), types.toString());
    }

    @Test
    void aKeycloakWorkflowDisablingAUserTellsTheApp() {
        targets.addWebhook("app", receiver.url(), Map.of());
        String jdoe = TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        awaitFirst("jdoe", "user.created");
        Workflows workflows = new Workflows(broker.getName(), admin);
        String offboarding = workflows.create("""
                {"name": "offboard contractors", "steps": [{"uses": "disable-user"}]}""");
        try {
            workflows.activateForUser(offboarding, jdoe);

            Delivery disabled = awaitFirst("jdoe", "user.disabled");
            assertEquals(Boolean.FALSE, ((Map<?, ?>) disabled.data().get("user")).get("enabled"));
            assertTrue(disabled.signatureValid());
        } finally {
            workflows.delete(offboarding);
        }
    }

    @Test
    void disablingAnOrganizationDisablesItsManagedMembersInTheAppAndEnablingItRestoresThem() {
        targets.addWebhook("app", receiver.url(), Map.of());
        BrokerState.withPolicy(broker, Map.of("membership", List.of("managed")),
                () -> browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn());
        String carol = broker.admin().users().searchByEmail(CustomerUser.CAROL.email(), true).get(0).getId();
        awaitFirstOf(carol, "user.created");
        String globexId = BrokerState.organizations(broker).stream().filter(o -> o.getAlias().equals("globex"))
                .findFirst().orElseThrow().getId();
        OrganizationResource globex = broker.admin().organizations().get(globexId);
        OrganizationRepresentation change = globex.toRepresentation();

        change.setEnabled(false);
        globex.update(change).close();
        try {
            // Carol cannot sign in any more: the app learns it as it would from an admin disabling her
            Delivery disabled = awaitFirstOf(carol, "user.disabled");
            assertEquals(Boolean.FALSE, ((Map<?, ?>) disabled.data().get("user")).get("enabled"));
            assertTrue(disabled.signatureValid());
        } finally {
            change.setEnabled(true);
            globex.update(change).close();
        }

        Delivery enabled = awaitFirstOf(carol, "user.enabled");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) enabled.data().get("user")).get("enabled"));
    }

    @Test
    void anAppThatHangsPastTheTimeoutGetsTheSameDeliveryAgain() {
        Duration hang = OrgbridgeServer.WEBHOOK_READ_TIMEOUT.plusSeconds(2);
        receiver.answer(new Answer(204, null, hang));
        String target = targets.addWebhook("app", receiver.url(), Map.of());
        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        Delivery hung = awaitFirst("jdoe", "user.created");
        Map<String, Object> timedOut = await(() -> created(targets.deliveries("target=" + target)),
                rows -> rows.stream().anyMatch(r -> "read timeout".equals(r.get("lastError")))).get(0);
        assertEquals("pending", timedOut.get("status"), "a timeout is retried: " + timedOut);

        receiver.answer(Answer.OK);

        Map<String, Object> delivered = await(() -> created(targets.deliveries("target=" + target)),
                rows -> rows.stream().anyMatch(r -> "delivered".equals(r.get("status")))).get(0);
        assertTrue(((Number) delivered.get("attempts")).intValue() >= 2, "retried: " + delivered);
        List<Delivery> attempts = receiver.about("jdoe").stream().filter(d -> "user.created".equals(d.type()))
                .toList();
        assertTrue(attempts.size() >= 2, "the app saw the hung attempt and the retry: " + attempts);
        assertEquals(Set.of(hung.id()), Set.copyOf(attempts.stream().map(Delivery::id).toList()),
                "every attempt carries the same webhook-id");
    }

    @Test
    void anAppThatRefusesConnectionsGetsEveryChangeOnceItListensAgain() {
        String target = targets.addWebhook("app", receiver.url(), Map.of("maxAttempts", List.of("100")));
        receiver.stopListening();
        List<String> usernames = IntStream.range(0, 3).mapToObj(i -> "refused" + i).toList();
        usernames.forEach(name -> TestUsers.create(broker.admin(), name, name + "@acme.com", true, "password"));
        await(() -> created(targets.deliveries("target=" + target + "&status=pending")),
                rows -> rows.size() == usernames.size()
                        && rows.stream().allMatch(r -> "connection refused".equals(r.get("lastError"))));

        receiver.listenAgain();

        List<Delivery> arrived = receiver.await(d -> usernames.contains(d.username()),
                d -> d.size() >= usernames.size(), WAIT);
        assertEquals(Set.copyOf(usernames), Set.copyOf(arrived.stream().map(Delivery::username).toList()),
                "every change arrived once the app listened again");
        assertEquals(usernames.size(), arrived.size(), "each once: " + types(arrived));
        await(() -> created(targets.deliveries("target=" + target + "&status=delivered")),
                rows -> rows.size() == usernames.size());
    }

    /** The log rows of user creations (the outbox may still hold earlier tests' deletions for the new target). */
    private static List<Map<String, Object>> created(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> "user.created".equals(r.get("type"))).toList();
    }

    @Test
    void whileTheAppIsDownNothingIsLostAndRetriesKeepTheirId() {
        receiver.answer(Answer.status(503));
        targets.addWebhook("app", receiver.url(), Map.of("maxAttempts", List.of("100")));
        List<String> usernames = IntStream.range(0, 5).mapToObj(i -> "down" + i).toList();
        usernames.forEach(name -> TestUsers.create(broker.admin(), name, name + "@acme.com", true, "password"));
        Predicate<Delivery> ours = d -> d.username() != null && usernames.contains(d.username());
        receiver.await(ours, d -> d.stream().map(Delivery::username).distinct().count() == usernames.size(), WAIT);

        receiver.answer(Answer.OK);

        List<Delivery> answered = receiver.await(ours.and(d -> d.answeredWith() == 204),
                d -> d.size() >= usernames.size(), WAIT);
        assertEquals(Set.copyOf(usernames), Set.copyOf(answered.stream().map(Delivery::username).toList()),
                "every user arrived once the app was back");
        Set<String> failedIds = new HashSet<>();
        receiver.received().stream().filter(ours).filter(d -> d.answeredWith() != 204)
                .forEach(d -> failedIds.add(d.id()));
        answered.forEach(d -> assertTrue(failedIds.contains(d.id()), "a retry carries the first attempt's id"));
    }

    @Test
    void retryAfterIsHonoured() {
        receiver.answer(new Answer(429, "3", Duration.ZERO));
        targets.addWebhook("app", receiver.url(), Map.of());
        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        Delivery refused = awaitFirst("jdoe", "user.created");
        receiver.answer(Answer.OK);

        Delivery retried = receiver.await(d -> "jdoe".equals(d.username()) && "user.created".equals(d.type()),
                d -> d.size() >= 2, WAIT).get(1);

        long waited = Duration.between(refused.receivedAt(), retried.receivedAt()).toMillis();
        assertTrue(waited >= 2900, "waited " + waited + " ms for a Retry-After of 3 s");
    }

    @Test
    void aRefusedDeliveryBecomesADeadLetterAnAdminCanRetry() {
        receiver.answer(Answer.status(400));
        String target = targets.addWebhook("app", receiver.url(), Map.of());
        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");
        awaitFirst("jdoe", "user.created");
        Map<String, Object> dead = await(() -> targets.deliveries("target=" + target + "&status=dead"),
                rows -> !rows.isEmpty()).get(0);
        assertEquals("user.created", dead.get("type"));
        assertEquals(400, dead.get("lastStatus"));
        assertTrue(((String) dead.get("lastError")).contains("permanent failure"), dead.toString());
        receiver.answer(Answer.OK);

        assertEquals(200, targets.post("provisioning/targets/" + target + "/dead-letters/retry").statusCode());

        receiver.await(d -> "jdoe".equals(d.username()) && d.answeredWith() == 204, d -> !d.isEmpty(), WAIT);
        assertEquals(List.of(), targets.deliveries("target=" + target + "&status=dead"));
    }

    @Test
    void anAppThatKeepsFailingIsQuarantinedUntilAnAdminResumesIt() {
        try (Mailbox mailbox = Mailbox.of(broker.admin())) {
            targets.add("orgbridge-email-notifications", "ops mail", Map.of("recipients", List.of("ops@app.test"),
                    "notifyOn", List.of("target-paused")));
            quarantineAndResume();
            Mailbox.Mail notice = mailbox.await(1, WAIT).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("the admins are told"));
            assertEquals("ops@app.test", notice.to());
            assertTrue(notice.text().contains("app"), notice.text());
        }
    }

    private void quarantineAndResume() {
        receiver.answer(Answer.status(500));
        String target = targets.addWebhook("app", receiver.url(), Map.of("quarantineAfterFailures", List.of("3"),
                "quarantineAfterMinutes", List.of("0"), "maxAttempts", List.of("100")));
        IntStream.range(0, 3).forEach(i -> TestUsers.create(broker.admin(), "quar" + i, "quar" + i + "@acme.com",
                true, "password"));

        Map<String, Object> health = await(() -> targets.health(target), h -> "quarantined".equals(h.get("status")));
        assertTrue(((String) health.get("pauseDetail")).contains("HTTP 500"), health.toString());
        int attempts = receiver.received().size();
        sleep(Duration.ofSeconds(4));
        assertEquals(attempts, receiver.received().size(), "a quarantined app is left alone");

        receiver.answer(Answer.OK);
        assertEquals(200, targets.post("provisioning/targets/" + target + "/resume").statusCode());

        receiver.await(d -> d.username() != null && d.username().startsWith("quar") && d.answeredWith() == 204,
                d -> d.size() >= 3, WAIT);
        assertEquals("active", targets.health(target).get("status"));
    }

    @Test
    void aBurstOfDeletionsPausesTheAppUntilAnAdminConfirms() {
        String target = targets.addWebhook("app", receiver.url(), Map.of("massDeletionMinimum", List.of("3"),
                "massDeletionPercent", List.of("10")));
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> TestUsers.create(broker.admin(), "mass" + i,
                "mass" + i + "@acme.com", true, "password")).toList();
        receiver.await(d -> d.username() != null && d.username().startsWith("mass"), d -> d.size() >= 4, WAIT);

        // a script deleting one user every two seconds: each deletion could be sent before the next is made, and
        // the sent ones still count
        ids.forEach(id -> {
            broker.admin().users().delete(id).close();
            sleep(Duration.ofSeconds(2));
        });

        Map<String, Object> health = await(() -> targets.health(target), h -> "paused".equals(h.get("status")));
        assertTrue(((String) health.get("pauseDetail")).contains("deletions within 60 min"), health.toString());
        sleep(Duration.ofSeconds(3));
        List<String> deletedDownstream = receiver.received().stream().filter(d -> "user.deleted".equals(d.type()))
                .map(Delivery::username).filter(name -> name.startsWith("mass")).toList();
        assertTrue(deletedDownstream.size() < 3, "only deletions below the minimum of 3 go out before an admin "
                + "confirms: " + deletedDownstream);

        assertEquals(200, targets.post("provisioning/targets/" + target + "/resume").statusCode());

        receiver.await(d -> "user.deleted".equals(d.type()) && d.username().startsWith("mass"), d -> d.size() >= 4,
                WAIT);
    }

    @Test
    void theLogAndControlsRefuseBadRequests() {
        assertEquals(400, targets.get("provisioning/deliveries?status=lost").statusCode());
        assertEquals(404, targets.post("provisioning/targets/no-such-target/resume").statusCode());
        assertEquals(404, targets.post("provisioning/targets/no-such-target/dead-letters/retry").statusCode());
    }

    // ---------------------------------------------------------------------------------------------------------

    private Delivery awaitFirst(String username, String type) {
        return receiver.await(d -> username.equals(d.username()) && type.equals(d.type()), d -> !d.isEmpty(), WAIT)
                .stream().findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + username
                        + "; received " + types(receiver.received())));
    }

    private Delivery awaitFirstOf(String userId, String type) {
        return receiver.await(d -> userId.equals(d.userId()) && type.equals(d.type()), d -> !d.isEmpty(), WAIT)
                .stream().findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + userId
                        + "; received " + types(receiver.received())));
    }

    private static List<String> types(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::type).toList();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = read.get();
        while (!until.test(value) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            value = read.get();
        }
        if (!until.test(value)) {
            throw new AssertionError("still " + value);
        }
        return value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
