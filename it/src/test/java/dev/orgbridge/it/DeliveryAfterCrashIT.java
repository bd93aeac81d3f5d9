package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.DeliveryRealm;
import dev.orgbridge.it.harness.KeycloakNode;
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
 * The app is down while users are created, and the Keycloak node delivering to it crashes (kill -9) in the middle of
 * retrying. Once the node is back on the same database and the app answers again, every change arrives: the outbox
 * and the queue live in the database, and a redelivery carries the id the app dedupes on.
 */
class DeliveryAfterCrashIT {

    private static final int USERS = 20;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ThrowawayPostgres database;
    private static KeycloakNode node;
    private static final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeAll
    static void oneNodeOnItsOwnDatabase() {
        database = ThrowawayPostgres.start(55433);
        // the crashed node never releases its lease: a short one lets the restarted node take the target over soon
        node = KeycloakNode.create("crash", 8181, 9101, 57801, database,
                "--spi-orgbridge-delivery--orgbridge-worker--lease-seconds=10").start();
    }

    @AfterAll
    static void cleanUp() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            receiver.close();
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void changesRetriedWhenTheNodeCrashesArriveAfterItRestarts() {
        DeliveryRealm realm = DeliveryRealm.create(node.admin(), "crash");
        receiver.answer(Answer.status(503));
        realm.addWebhook(node.admin(), receiver.url(), Map.of("maxAttempts", "100"));
        List<String> usernames = IntStream.rangeClosed(1, USERS).mapToObj(i -> "crash-user-" + i).toList();
        usernames.forEach(username -> realm.createUser(node.admin(), username));

        List<Delivery> refused = receiver.await(d -> true, d -> d.size() >= 5, WAIT);
        assertTrue(refused.size() >= 5, "the node was retrying against the app when it crashed: " + refused.size());

        node.crash();
        receiver.answer(Answer.OK);
        node.start();

        List<Delivery> delivered = receiver.await(this::createdAndAccepted,
                d -> usernames(d).containsAll(usernames), WAIT);
        assertEquals(Set.copyOf(usernames), usernames(delivered), "every user created reached the app");
        for (String username : usernames) {
            Set<String> ids = receiver.about(username).stream().filter(d -> "user.created".equals(d.type()))
                    .map(Delivery::id).collect(Collectors.toSet());
            assertEquals(1, ids.size(), username + "'s creation came, however often, with one webhook-id: " + ids);
        }
        assertTrue(receiver.received().stream().allMatch(Delivery::signatureValid), "every attempt signed");
    }

    private boolean createdAndAccepted(Delivery delivery) {
        return "user.created".equals(delivery.type()) && delivery.answeredWith() == 204;
    }

    private static Set<String> usernames(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::username).collect(Collectors.toSet());
    }
}
