package dev.orgbridge.delivery.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.ScimError;
import dev.orgbridge.core.provisioning.scim.ScimFilter;
import dev.orgbridge.core.provisioning.scim.ScimGroup;
import dev.orgbridge.core.provisioning.scim.ScimPatch;
import dev.orgbridge.core.provisioning.scim.ScimUser;
import dev.orgbridge.delivery.TargetHttp;
import dev.orgbridge.delivery.TargetHttp.Reply;
import dev.orgbridge.delivery.scim.ScimResult.Action;
import dev.orgbridge.delivery.scim.TokenCache.TokenUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPatch;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;

/**
 * A SCIM 2.0 client (RFC 7644) that provisions Keycloak users and groups into a downstream system. Every operation
 * can be repeated safely (a retry after a lost answer does no harm) and returns a {@link ScimResult}: the outcome for
 * the worker's retry decision, the server's id of the resource to store for next time, and the server's error.
 *
 * <ul>
 * <li>{@link #provisionUser}, {@link #provisionGroup}: update the resource known by its id ({@code PATCH}; a
 *     {@code PUT} where the server refuses the PATCH, see {@link ScimError#refusesPatch()}); when no id is known, or
 *     the server says 404, find it by {@code externalId}, else by {@code userName} / {@code displayName} (one
 *     request: {@code externalId eq … or userName eq …}), and take it over; else create it ({@code POST}); a 409 on
 *     create looks again and takes over what it finds.</li>
 * <li>{@link #deprovisionUser}: {@code active=false} or {@code DELETE}; a 404 is done.</li>
 * <li>{@link #addMember}, {@link #removeMember}: one member by PATCH; removing a member who is not there is done.</li>
 * <li>{@link #setMembers}: a group's members replaced by exactly those given (a re-sync).</li>
 * <li>{@link #deleteGroup}: by id, or the group found by {@code externalId}; a 404 or no such group is done.</li>
 * </ul>
 *
 * <p>Calls go over {@link TargetHttp} (timeouts, no redirects, every resolved address checked against the target's
 * SSRF policy). Thread-safe: one client serves every target of every realm; OAuth2 tokens are cached per credentials.
 */
public final class ScimClient implements AutoCloseable {

    private static final ContentType SCIM_JSON = ContentType.create("application/scim+json", StandardCharsets.UTF_8);
    private static final String ACCEPT = "application/scim+json, application/json";
    private static final String USERS = "/Users";
    private static final String GROUPS = "/Groups";
    /** A lookup answered so cannot search by that attribute (invalidFilter, not implemented) or found nothing (404). */
    private static final Set<Integer> CANNOT_SEARCH = Set.of(400, 404, 501);

    private final TargetHttp http;
    private final TokenCache tokens;

    /**
     * @param ssl       the TLS context (Keycloak's truststore in the server; the JDK's default in tests)
     * @param userAgent e.g. {@code Orgbridge/0.1.0}
     */
    public ScimClient(Duration connectTimeout, Duration readTimeout, SSLContext ssl, String userAgent) {
        this(new TargetHttp(connectTimeout, readTimeout, ssl, userAgent), Clock.systemUTC());
    }

    /** @param clock decides when a cached OAuth2 token is renewed */
    ScimClient(TargetHttp http, Clock clock) {
        this.http = http;
        this.tokens = new TokenCache(http, clock);
    }

    /**
     * Makes the server hold the user as given: updated when {@code knownRemoteId} is present and still there, else
     * found and taken over, else created. The result carries the server's id.
     */
    public ScimResult provisionUser(ScimEndpoint endpoint, ScimUser user, Optional<String> knownRemoteId) {
        return guarded(() -> provision(endpoint, new Desired(USERS, user.resource(),
                List.of(new Lookup(ScimFilter.externalId(user.externalId()), "externalId", user.externalId(), true),
                        new Lookup(ScimFilter.userName(user.userName()), "userName", user.userName(), false)),
                id -> patch(endpoint, resource(USERS, id), user.patch(),
                        () -> send(endpoint, new HttpPut(uri(endpoint, resource(USERS, id))), user.resource()))),
                knownRemoteId));
    }

    /** Deactivates ({@code active=false}) or deletes the user; a user the server no longer has counts as done. */
    public ScimResult deprovisionUser(ScimEndpoint endpoint, String remoteId, DeprovisionMode mode) {
        String path = resource(USERS, remoteId);
        return guarded(() -> mode == DeprovisionMode.DELETE
                ? ended(send(endpoint, new HttpDelete(uri(endpoint, path))), Action.DELETED, remoteId)
                : ended(patch(endpoint, path, ScimPatch.deactivate(),
                        () -> rewrite(endpoint, path, user -> user.put("active", false))),
                        Action.DEACTIVATED, remoteId));
    }

    /**
     * Makes the server hold the group (display name, external id) as given, like {@link #provisionUser}, finding it by
     * {@code externalId}, then {@code displayName}. Its members are never touched: they change one by one.
     */
    public ScimResult provisionGroup(ScimEndpoint endpoint, ScimGroup group, Optional<String> knownRemoteId) {
        return guarded(() -> provision(endpoint, new Desired(GROUPS, group.resource(),
                List.of(new Lookup(ScimFilter.externalId(group.externalId()), "externalId", group.externalId(), true),
                        new Lookup(ScimFilter.displayName(group.displayName()), "displayName", group.displayName(),
                                false)),
                id -> patch(endpoint, resource(GROUPS, id), group.patch(),
                        () -> rewrite(endpoint, resource(GROUPS, id), current -> current
                                .put("externalId", group.externalId()).put("displayName", group.displayName())))),
                knownRemoteId));
    }

    /** Adds the user to the group (both by the server's ids); a 404 means the group is gone: provision it again. */
    public ScimResult addMember(ScimEndpoint endpoint, String groupRemoteId, String userRemoteId) {
        String path = resource(GROUPS, groupRemoteId);
        return guarded(() -> result(patch(endpoint, path, ScimPatch.addMember(userRemoteId),
                () -> rewrite(endpoint, path, group -> addMember(group, userRemoteId))),
                Action.MEMBER_ADDED, Optional.of(groupRemoteId)));
    }

    /** Removes the user from the group; a member (or group) the server does not have counts as done. */
    public ScimResult removeMember(ScimEndpoint endpoint, String groupRemoteId, String userRemoteId) {
        String path = resource(GROUPS, groupRemoteId);
        return guarded(() -> {
            Reply reply = send(endpoint, new HttpPatch(uri(endpoint, path)), ScimPatch.removeMember(userRemoteId));
            if (!noTarget(reply) && refusesPatch(reply)) {
                reply = rewrite(endpoint, path, group -> removeMember(group, userRemoteId));
            }
            return noTarget(reply) ? alreadyGone(groupRemoteId)
                    : ended(reply, Action.MEMBER_REMOVED, groupRemoteId);
        });
    }

    /**
     * Sets the group's members to exactly these (the server's user ids): a {@code PATCH} that replaces
     * {@code members} (removes them all for none), or, where PATCH is refused, the group read, its members set, and
     * written back. A 404 means the group is gone: provision it again.
     */
    public ScimResult setMembers(ScimEndpoint endpoint, String groupRemoteId, List<String> userRemoteIds) {
        String path = resource(GROUPS, groupRemoteId);
        return guarded(() -> result(patch(endpoint, path, ScimPatch.setMembers(userRemoteIds),
                () -> rewrite(endpoint, path, group -> setMembers(group, userRemoteIds))),
                Action.MEMBERS_SET, Optional.of(groupRemoteId)));
    }

    /**
     * Deletes the group Orgbridge made for this Keycloak group: by the server's id when known, else the one found by
     * {@code externalId} (never by name: a group of the same name that Orgbridge did not make is someone else's). A
     * group the server does not have counts as done.
     */
    public ScimResult deleteGroup(ScimEndpoint endpoint, String externalId, Optional<String> knownRemoteId) {
        if (knownRemoteId.isPresent()) {
            return deleteGroup(endpoint, knownRemoteId.get());
        }
        return guarded(() -> {
            Found found = found(search(endpoint, GROUPS, ScimFilter.externalId(externalId)),
                    List.of(new Lookup(ScimFilter.externalId(externalId), "externalId", externalId, true)));
            if (found.failure().isPresent()) {
                return found.failure().get();
            }
            return found.id().map(id -> deleteGroup(endpoint, id)).orElseGet(() -> alreadyGone(externalId));
        });
    }

    /** Deletes the group; a group the server no longer has counts as done. */
    public ScimResult deleteGroup(ScimEndpoint endpoint, String groupRemoteId) {
        return guarded(() -> ended(send(endpoint, new HttpDelete(uri(endpoint, resource(GROUPS, groupRemoteId)))),
                Action.DELETED, groupRemoteId));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /**
     * What the idempotent create needs of one resource.
     *
     * @param collection {@code /Users} or {@code /Groups}
     * @param resource   the JSON to create it with
     * @param lookups    how to find it, in order
     * @param update     brings the resource with this id up to date
     */
    private record Desired(String collection, String resource, List<Lookup> lookups, Function<String, Reply> update) {
    }

    /** A filter, and the check that a resource in the answer really matches (a server may ignore the filter). */
    private record Lookup(String filter, String attribute, String value, boolean caseExact) {
        boolean matches(JsonNode resource) {
            return ScimJson.text(resource, attribute)
                    .filter(found -> caseExact ? found.equals(value) : found.equalsIgnoreCase(value))
                    .isPresent();
        }
    }

    /** A lookup's answer: the id found, or the failure that stopped it; neither when nothing matched. */
    private record Found(Optional<String> id, Optional<ScimResult> failure) {
        static final Found NOTHING = new Found(Optional.empty(), Optional.empty());
    }

    private ScimResult provision(ScimEndpoint endpoint, Desired desired, Optional<String> knownRemoteId) {
        if (knownRemoteId.isPresent()) {
            Reply updated = desired.update().apply(knownRemoteId.get());
            if (updated.status() != 404) {
                return result(updated, Action.UPDATED, knownRemoteId);
            }
            // deleted downstream since the id was stored: find it again, or create it anew
        }
        Found found = find(endpoint, desired);
        if (found.failure().isPresent()) {
            return found.failure().get();
        }
        if (found.id().isPresent()) {
            return result(desired.update().apply(found.id().get()), Action.ADOPTED, found.id());
        }
        Reply created = send(endpoint, new HttpPost(uri(endpoint, desired.collection())), desired.resource());
        if (created.outcome() instanceof DeliveryOutcome.Success) {
            return result(created, Action.CREATED, ScimJson.text(ScimJson.read(created.body()), "id"));
        }
        if (error(created).map(ScimError::conflict).orElse(false)) {
            // it exists after all: created meanwhile by another node, or missed by a filter read another way
            Found again = find(endpoint, desired);
            if (again.id().isPresent()) {
                return result(desired.update().apply(again.id().get()), Action.ADOPTED, again.id());
            }
        }
        return result(created, Action.FAILED, Optional.empty());
    }

    /**
     * Looks for the resource with all its lookups in one request ({@code externalId eq … or userName eq …}), taking
     * the first lookup's match over the next's; a server that cannot search that way is asked one lookup at a time.
     */
    private Found find(ScimEndpoint endpoint, Desired desired) {
        Reply reply = search(endpoint, desired.collection(),
                ScimFilter.anyOf(desired.lookups().stream().map(Lookup::filter).toList()));
        if (!CANNOT_SEARCH.contains(reply.status())) {
            return found(reply, desired.lookups());
        }
        for (Lookup lookup : desired.lookups()) {
            Found found = found(search(endpoint, desired.collection(), lookup.filter()), List.of(lookup));
            if (found.id().isPresent() || found.failure().isPresent()) {
                return found;
            }
        }
        return Found.NOTHING;
    }

    private Reply search(ScimEndpoint endpoint, String collection, String filter) {
        return send(endpoint, new HttpGet(uri(endpoint, collection + "?filter=" + encode(filter))));
    }

    /** The id of the resource that matches the earliest lookup; nothing for a server that cannot search so. */
    private static Found found(Reply reply, List<Lookup> lookups) {
        if (!(reply.outcome() instanceof DeliveryOutcome.Success)) {
            return CANNOT_SEARCH.contains(reply.status()) ? Found.NOTHING
                    : new Found(Optional.empty(), Optional.of(result(reply, Action.FAILED, Optional.empty())));
        }
        JsonNode resources = ScimJson.member(ScimJson.read(reply.body()), "Resources");
        for (Lookup lookup : lookups) {
            for (JsonNode resource : resources) {
                Optional<String> id = ScimJson.text(resource, "id");
                if (id.isPresent() && lookup.matches(resource)) {
                    return new Found(id, Optional.empty());
                }
            }
        }
        return Found.NOTHING;
    }

    /** A PATCH, or {@code instead} when the server refuses PATCH in a way another request may get past. */
    private Reply patch(ScimEndpoint endpoint, String path, String body, Supplier<Reply> instead) {
        Reply reply = send(endpoint, new HttpPatch(uri(endpoint, path)), body);
        return refusesPatch(reply) ? instead.get() : reply;
    }

    /**
     * Where PATCH is refused and a PUT must keep what Orgbridge does not own (a group's members, a user's other
     * attributes): reads the resource, changes it, writes it back.
     */
    private Reply rewrite(ScimEndpoint endpoint, String path, Consumer<ObjectNode> change) {
        Reply current = send(endpoint, new HttpGet(uri(endpoint, path)));
        if (!(current.outcome() instanceof DeliveryOutcome.Success)) {
            return current;
        }
        JsonNode resource = ScimJson.read(current.body());
        if (!resource.isObject()) { // a 2xx that is not a resource: nothing safe to write back
            return new Reply(new DeliveryOutcome.PermanentFailure(new DeliveryOutcome.HttpStatus(current.status())),
                    current.status(), current.body());
        }
        ObjectNode changed = (ObjectNode) resource;
        changed.remove("meta"); // read-only: a server ignores it on PUT, or refuses it
        change.accept(changed);
        return send(endpoint, new HttpPut(uri(endpoint, path)), changed.toString());
    }

    private Reply send(ScimEndpoint endpoint, HttpEntityEnclosingRequestBase request, String json) {
        request.setEntity(new StringEntity(json, SCIM_JSON));
        return send(endpoint, request);
    }

    /** One request with the endpoint's credentials; with OAuth2, a 401 drops the token and the request goes again. */
    private Reply send(ScimEndpoint endpoint, HttpRequestBase request) {
        request.setHeader("Accept", ACCEPT);
        request.setHeader("Authorization", authorization(endpoint.auth()));
        Reply reply = http.send(endpoint.baseUrl(), request);
        if (reply.status() == 401 && endpoint.auth() instanceof ScimAuth.ClientCredentials credentials) {
            tokens.drop(credentials); // revoked or expired early: once more with a new one
            request.setHeader("Authorization", authorization(credentials));
            reply = http.send(endpoint.baseUrl(), request);
        }
        return reply;
    }

    private String authorization(ScimAuth auth) {
        if (auth instanceof ScimAuth.Bearer bearer) {
            return "Bearer " + bearer.token();
        }
        if (auth instanceof ScimAuth.Basic basic) {
            return basic.header();
        }
        return "Bearer " + tokens.token((ScimAuth.ClientCredentials) auth);
    }

    private static void addMember(ObjectNode group, String memberId) {
        ArrayNode members = group.withArrayProperty("members");
        for (JsonNode member : members) {
            if (memberId.equals(ScimJson.text(member, "value").orElse(null))) {
                return;
            }
        }
        members.addObject().put("value", memberId);
    }

    private static void setMembers(ObjectNode group, List<String> memberIds) {
        ArrayNode members = group.putArray("members");
        memberIds.forEach(id -> members.addObject().put("value", id));
    }

    private static void removeMember(ObjectNode group, String memberId) {
        Iterator<JsonNode> members = ScimJson.member(group, "members").iterator();
        while (members.hasNext()) {
            if (memberId.equals(ScimJson.text(members.next(), "value").orElse(null))) {
                members.remove();
            }
        }
    }

    private static ScimResult result(Reply reply, Action done, Optional<String> remoteId) {
        boolean success = reply.outcome() instanceof DeliveryOutcome.Success;
        return new ScimResult(reply.outcome(), success ? done : Action.FAILED, remoteId,
                success ? Optional.empty() : error(reply));
    }

    /** The end of a resource or membership: a 404 says it is already gone, which is what was wanted. */
    private static ScimResult ended(Reply reply, Action done, String remoteId) {
        return reply.status() == 404 ? alreadyGone(remoteId) : result(reply, done, Optional.of(remoteId));
    }

    private static ScimResult alreadyGone(String remoteId) {
        return new ScimResult(new DeliveryOutcome.Success(404), Action.ALREADY_GONE, Optional.of(remoteId),
                Optional.empty());
    }

    private static boolean refusesPatch(Reply reply) {
        return error(reply).map(ScimError::refusesPatch).orElse(false);
    }

    private static boolean noTarget(Reply reply) {
        return error(reply).map(ScimError::noTarget).orElse(false);
    }

    /** The server's error answer, when it gave one (any status outside 2xx). */
    private static Optional<ScimError> error(Reply reply) {
        if (reply.status() == 0 || reply.outcome() instanceof DeliveryOutcome.Success) {
            return Optional.empty();
        }
        JsonNode body = ScimJson.read(reply.body());
        return Optional.of(ScimError.of(reply.status(), ScimJson.text(body, "scimType").orElse(null),
                ScimJson.text(body, "detail").orElse(null)));
    }

    private static ScimResult guarded(Supplier<ScimResult> operation) {
        try {
            return operation.get();
        } catch (TokenUnavailableException e) {
            return e.result();
        }
    }

    private static String resource(String collection, String id) {
        return collection + "/" + encode(id);
    }

    private static URI uri(ScimEndpoint endpoint, String path) {
        String base = endpoint.baseUrl().uri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Percent-encoding for a path segment or a query value ({@code %20} for a space, never {@code +}). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
