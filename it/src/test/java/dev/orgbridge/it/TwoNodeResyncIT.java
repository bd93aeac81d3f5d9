package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.DeliveryRealm;
import dev.orgbridge.it.harness.Json;
import dev.orgbridge.it.harness.Http;
import dev.orgbridge.it.harness.KeycloakNode;
import dev.orgbridge.it.harness.ThrowawayPostgres;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Delivery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A re-sync on two Keycloak nodes sharing PostgreSQL: two admins start one at the same moment on different nodes and
 * get one job; both nodes' workers walk its users, in small pages, under the target's lease; every user arrives once,
 * and either node answers the job's progress (docs/provisioning.md#provision-now-and-re-sync).
 */
class TwoNodeResyncIT {

    private static final int USERS = 30;
    /** Pages of 7 users: the walk takes several passes, on whichever node holds the target. */
    private static final String SMALL_PAGES = "--spi-orgbridge-delivery--orgbridge-worker--batch-size=7";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ThrowawayPostgres database;
    private static KeycloakNode nodeA;
    private static KeycloakNode nodeB;
    private static final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        database = ThrowawayPostgres.start(55433);
        nodeA = KeycloakNode.create("node-a", 8181, 9101, 57801, database, SMALL_PAGES).start();
        nodeB = KeycloakNode.create("node-b", 8182, 9102, 57802, database, SMALL_PAGES).start();
    }

    @AfterAll
    static void cleanUp() {
        try {
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            try {
                if (nodeA != null) {
                    nodeA.close();
                }
            } finally {
                receiver.close();
                if (database != null) {
                    database.close();
                }
            }
        }
    }

    @Test
    void twoAdminsStartOneReSyncAndEveryUserArrivesOnce() {
        DeliveryRealm realm = DeliveryRealm.create(nodeA.admin(), "resync");
        String target = realm.addWebhook(nodeA.admin(), receiver.url(), Map.of());
        List<String> usernames = IntStream.rangeClosed(1, USERS).mapToObj(i -> "resync-user-" + i).toList();
        usernames.forEach(name -> realm.createUser(nodeA.admin(), name));
        receiver.await(d -> "user.created".equals(d.type()), d -> d.size() == USERS, WAIT);
        int before = receiver.received().size();
        // the app now takes 200 ms a call: the job runs for a few seconds, so the second request finds it running
        receiver.answer(new WebhookReceiver.Answer(204, null, Duration.ofMillis(200)));
        String path = "/admin/realms/resync/orgbridge/provisioning/targets/" + target + "/resync";
        // both nodes answered an admin call before, so the two requests below reach them at the same moment
        assertEquals(200, get(nodeA, path).statusCode());
        assertEquals(200, get(nodeB, path).statusCode());

        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> post(nodeA, path));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> post(nodeB, path));
        List<HttpResponse<String>> answers = List.of(onA.join(), onB.join());

        assertEquals(List.of(202, 409), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                answers.stream().map(HttpResponse::body).toList().toString());
        String jobId = (String) json(answers.stream().filter(a -> a.statusCode() == 202).findFirst().orElseThrow()
                .body()).get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> named = (Map<String, Object>) json(answers.stream().filter(a -> a.statusCode() == 409)
                .findFirst().orElseThrow().body()).get("job");
        assertEquals(jobId, named.get("id"), "the refused admin learns which job runs");

        Map<String, Object> job = awaitDone(path + "/" + jobId);
        assertEquals(USERS, ((Number) job.get("usersChecked")).intValue());
        assertEquals(USERS, ((Number) job.get("delivered")).intValue());
        assertEquals(USERS, ((Number) job.get("total")).intValue());
        pause(5); // both workers keep ticking: a page walked twice would show up now
        List<Delivery> resent = receiver.received().subList(before, receiver.received().size());
        Map<String, Long> perUser = resent.stream()
                .collect(Collectors.groupingBy(Delivery::username, Collectors.counting()));
        assertEquals(Set.copyOf(usernames), perUser.keySet(), "every user was sent again");
        assertEquals(Map.of(), perUser.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "once each, not once per node");
        assertTrue(resent.stream().allMatch(d -> "user.updated".equals(d.type())),
                "the app held them: each arrives as user.updated with its current state");
        assertTrue(nodeA.log().contains("Orgbridge re-sync " + jobId) || nodeB.log().contains("Orgbridge re-sync "
                + jobId), "a worker walked the job");
    }

    /** Polls the job on both nodes in turn until it is done. */
    private static Map<String, Object> awaitDone(String jobPath) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Map<String, Object>> seen = new ArrayList<>();
        for (int poll = 0; System.nanoTime() < deadline; poll++) {
            HttpResponse<String> response = get(poll % 2 == 0 ? nodeA : nodeB, jobPath);
            assertEquals(200, response.statusCode(), response.body());
            Map<String, Object> job = json(response.body());
            seen.add(job);
            if ("done".equals(job.get("state"))) {
                return job;
            }
            pause(1);
        }
        throw new AssertionError("the job never finished: " + seen.get(seen.size() - 1));
    }

    private static HttpResponse<String> post(KeycloakNode node, String path) {
        return send(node, HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> get(KeycloakNode node, String path) {
        return send(node, HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET());
    }

    private static HttpResponse<String> send(KeycloakNode node, HttpRequest.Builder request) {
        return Http.send(request.header("Authorization", "Bearer "
                + node.admin().tokenManager().getAccessTokenString()).build());
    }

    private static Map<String, Object> json(String body) {
        return Json.object(body);
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
