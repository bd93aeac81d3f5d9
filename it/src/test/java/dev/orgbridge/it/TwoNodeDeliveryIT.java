package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.DeliveryRealm;
import dev.orgbridge.it.harness.KeycloakNode;
import dev.orgbridge.it.harness.Mailbox;
import dev.orgbridge.it.harness.Mailbox.Mail;
import dev.orgbridge.it.harness.ThrowawayPostgres;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Answer;
import dev.orgbridge.it.harness.WebhookReceiver.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Keycloak nodes share one database and both run the delivery worker. Users created through either node reach
 * the app once each: the outbox entry is taken by one node, the target is delivered to by the node holding its
 * lease, so no change goes out once per node; a failure digest is claimed in the database before it is mailed, so it
 * goes out once, not once per node.
 */
class TwoNodeDeliveryIT {

    private static final int USERS = 20;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ThrowawayPostgres database;
    private static KeycloakNode nodeA;
    private static KeycloakNode nodeB;
    private static final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        database = ThrowawayPostgres.start(55433);
        // one after the other: on two cores, parallel starts are slower, and B joins A's cluster view
        nodeA = KeycloakNode.create("node-a", 8181, 9101, 57801, database).start();
        nodeB = KeycloakNode.create("node-b", 8182, 9102, 57802, database).start();
    }

    @AfterAll
    static void cleanUp() {
        try {
            closeAll(nodeB, nodeA);
        } finally {
            receiver.close();
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void usersCreatedThroughEitherNodeReachTheAppOnceEach() {
        awaitClusterOfTwo();
        DeliveryRealm realm = DeliveryRealm.create(nodeA.admin(), "cluster");
        realm.addWebhook(nodeA.admin(), receiver.url(), Map.of());
        List<String> usernames = IntStream.rangeClosed(1, USERS).mapToObj(i -> "cluster-user-" + i).toList();
        for (int i = 0; i < usernames.size(); i++) {
            realm.createUser((i % 2 == 0 ? nodeA : nodeB).admin(), usernames.get(i));
        }

        List<Delivery> created = receiver.await(d -> "user.created".equals(d.type()),
                d -> d.stream().map(Delivery::username).collect(Collectors.toSet()).containsAll(usernames), WAIT);
        // both workers keep ticking: a duplicate would come after the first copies, so give it a few ticks
        pause(5);
        created = receiver.received().stream().filter(d -> "user.created".equals(d.type())).toList();

        Map<String, List<Delivery>> byUser = created.stream().collect(Collectors.groupingBy(Delivery::username));
        assertEquals(Set.copyOf(usernames), byUser.keySet(), "every user created reached the app");
        byUser.forEach((username, deliveries) -> assertEquals(1, deliveries.size(),
                username + "'s creation arrived once, not once per node: " + ids(deliveries)));
        Map<String, Long> perId = receiver.received().stream()
                .collect(Collectors.groupingBy(Delivery::id, Collectors.counting()));
        assertEquals(Map.of(), perId.entrySet().stream().filter(e -> e.getValue() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                "the app accepted every delivery at once, so no webhook-id comes twice");
        assertTrue(created.stream().allMatch(Delivery::signatureValid), "every delivery signed");
    }

    @Test
    void aFailingAppIsReportedInOneDigestNotOnePerNode() {
        awaitClusterOfTwo();
        DeliveryRealm realm = DeliveryRealm.create(nodeA.admin(), "cluster-digest");
        try (WebhookReceiver failing = new WebhookReceiver();
             Mailbox mailbox = Mailbox.of(nodeA.admin().realm(realm.name()))) {
            failing.answer(Answer.status(500));
            realm.addNotificationTarget(nodeA.admin(), "ops@app.test", Map.of("notifyOn", "provisioning-failures",
                    "digestMinutes", "5"));
            realm.addWebhook(nodeB.admin(), failing.url(), Map.of("maxAttempts", "100",
                    "quarantineAfterFailures", "100000"));
            IntStream.rangeClosed(1, 10).forEach(i -> realm.createUser((i % 2 == 0 ? nodeA : nodeB).admin(),
                    "failing-" + i));

            Mail digest = mailbox.await(1, WAIT).get(0);
            failing.await(d -> true, d -> d.size() >= 20, WAIT);
            // both nodes look for due digests every second: a second copy would come within a few ticks
            pause(5);
            assertEquals("Provisioning failures at app", digest.subject());
            assertEquals(1, mailbox.received().size(), "one digest in the interval, not one per node: "
                    + mailbox.received());
        }
    }

    /** Node B joined node A's cluster: caches are invalidated across nodes, as in production. */
    private static void awaitClusterOfTwo() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!clusterOfTwo(nodeB.log()) && System.nanoTime() < deadline) {
            pause(1);
        }
        assertTrue(clusterOfTwo(nodeB.log()), "node B's log shows a cluster view of two nodes");
    }

    private static boolean clusterOfTwo(String log) {
        return log.lines().anyMatch(line -> line.contains("ISPN000094") && line.contains("(2)"));
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }

    private static void closeAll(KeycloakNode... nodes) {
        RuntimeException failure = null;
        for (KeycloakNode node : nodes) {
            try {
                if (node != null) {
                    node.close();
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits without a condition: time for the workers to tick. */
    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
