package dev.orgbridge.delivery.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.OrExpressionNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ResourceTypeFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A SCIM 2.0 server on loopback, written by others: the SCIM SDK's framework-independent {@link ResourceEndpoint}
 * (filters, PATCH, schema validation, error answers) behind the JDK's HTTP server, with in-memory Users and Groups.
 * It can be told to refuse PATCH, to answer the next request itself (429, 503, a custom error) or to hang.
 * Public, and published as this module's test jar, so that the integration tests use it as a real target too.
 */
public final class ScimTestServer implements AutoCloseable {

    static final String PATH = "/scim/v2";

    /** Users: userName unique ignoring case, as RFC 7643 defines it. */
    public final Resources<User> users = new Resources<>("User", "userName", user -> user.getUserName()) { };
    /** Groups: displayName unique ignoring case (many servers insist). */
    public final Resources<Group> groups = new Resources<>("Group", "displayName", group -> group.getDisplayName()) { };

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ResourceEndpoint endpoint;
    private final Predicate<String> authorization;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Queue<Canned> canned = new ConcurrentLinkedQueue<>();
    private final Map<String, Runnable> beforeNext = new ConcurrentHashMap<>();

    /** An answer given instead of the SDK's, after a delay. */
    private record Canned(int status, Map<String, String> headers, String body, Duration delay) {
    }

    /**
     * @param authorization decides on the request's {@code Authorization} header (null when absent)
     * @param patch         whether PATCH is offered (else the SDK answers 501)
     * @param lenientRemove whether removing an attribute that has no value is a no-op (else 400 noTarget)
     */
    ScimTestServer(Predicate<String> authorization, boolean patch, boolean lenientRemove) {
        this.authorization = authorization;
        ServiceProvider provider = ServiceProvider.builder()
                .filterConfig(FilterConfig.builder().supported(true).maxResults(50).build())
                .patchConfig(PatchConfig.builder().supported(patch).doNotFailOnNoTarget(lenientRemove).build())
                .build();
        endpoint = new ResourceEndpoint(provider);
        features(endpoint.registerEndpoint(new UserEndpointDefinition(users)));
        features(endpoint.registerEndpoint(new GroupEndpointDefinition(groups)));
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(threads);
        http.createContext(PATH, this::handle);
        http.start();
    }

    /** A server taking any request with this bearer token, offering PATCH, lenient on removing what is not there. */
    public static ScimTestServer withToken(String token) {
        return new ScimTestServer(("Bearer " + token)::equals, true, true);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + PATH;
    }

    /** {@code METHOD /path?query} of every request, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String method) {
        return requests.stream().filter(request -> request.startsWith(method + " ")).count();
    }

    void answerNext(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body, Duration.ZERO));
    }

    void hangNext(Duration delay) {
        canned.add(new Canned(200, Map.of(), "{}", delay));
    }

    /** Runs {@code action} just before the next request of that method reaches the SDK (another node, meanwhile). */
    void beforeNext(String method, Runnable action) {
        beforeNext.put(method, action);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }

    private static void features(ResourceType type) {
        type.setFeatures(ResourceTypeFeatures.builder().autoFiltering(true).autoSorting(true).build());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(method + " " + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        Canned answer = canned.poll();
        if (answer != null) {
            sleep(answer.delay());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            send(exchange, answer.status(), answer.body());
            return;
        }
        Runnable action = beforeNext.remove(method);
        if (action != null) {
            action.run();
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        String url = baseUrl().replace(PATH, "") + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query);
        ScimResponse response = endpoint.handleRequest(url, HttpMethod.valueOf(method), body.isEmpty() ? null : body,
                headers, new Context(new HeaderCheck(exchange.getRequestHeaders().getFirst("Authorization"))));
        response.getHttpHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        send(exchange, response.getHttpStatus(), response.getHttpStatus() == 204 ? "" : response.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The SDK asks this whether the request is authenticated; any authenticated client may do anything. */
    private final class HeaderCheck implements Authorization {
        private final String header;

        HeaderCheck(String header) {
            this.header = header;
        }

        @Override
        public Set<String> getClientRoles() {
            return Set.of();
        }

        @Override
        public boolean authenticate(Map<String, String> httpHeaders, Map<String, String> queryParams) {
            return authorization.test(header);
        }
    }

    /**
     * In-memory resources of one type, with one attribute unique ignoring case. Lookups by that attribute or by
     * {@code externalId} (alone or or-ed) are answered from an index, as a real server's database would, so a lookup
     * costs the same with 10 or 10,000 resources; the SDK then filters the candidates as it filters any answer.
     */
    public abstract static class Resources<T extends ResourceNode> extends ResourceHandler<T> {
        private final Map<String, T> byId = new ConcurrentHashMap<>();
        /** The unique attribute, lower case, to the id. */
        private final Map<String, String> byName = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> byExternalId = new ConcurrentHashMap<>();
        private final Map<String, Keys> keys = new ConcurrentHashMap<>();
        private final String resourceType;
        private final String nameAttribute;
        private final Function<T, Optional<String>> uniqueName;

        Resources(String resourceType, String nameAttribute, Function<T, Optional<String>> uniqueName) {
            this.resourceType = resourceType;
            this.nameAttribute = nameAttribute;
            this.uniqueName = uniqueName;
        }

        /** Stores a resource as if another client had created it; returns its id. */
        public String put(T resource) {
            return createResource(resource, null).getId().orElseThrow();
        }

        T get(String id) {
            return byId.get(id);
        }

        public List<T> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public T createResource(T resource, Context context) {
            String id = UUID.randomUUID().toString();
            claimName(resource, id);
            resource.setId(id);
            if (resource.getMeta().isEmpty()) { // stored directly by a test: what the SDK gives a resource it creates
                resource.setMeta(Meta.builder().resourceType(resourceType).created(Instant.now())
                        .lastModified(Instant.now()).build());
            }
            byId.put(id, resource);
            index(resource, id);
            return resource;
        }

        @Override
        public T getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                Context context) {
            return byId.get(id);
        }

        @Override
        public PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter,
                SchemaAttribute sortBy, SortOrder sortOrder, List<SchemaAttribute> attributes,
                List<SchemaAttribute> excludedAttributes, Context context) {
            List<T> candidates = candidateIds(filter).map(ids -> ids.stream().map(byId::get)
                    .filter(Objects::nonNull).toList()).orElseGet(() -> new ArrayList<>(byId.values()));
            return PartialListResponse.<T>builder().resources(candidates).totalResults(candidates.size()).build();
        }

        @Override
        public T updateResource(T resource, Context context) {
            String id = resource.getId().orElseThrow();
            Keys before = keys.get(id);
            if (before == null) {
                throw new ResourceNotFoundException("no resource " + id, null, null);
            }
            if (!key(resource).equals(before.name())) {
                claimName(resource, id);
                byName.remove(before.name(), id);
            }
            byId.put(id, resource);
            index(resource, id);
            return resource;
        }

        @Override
        public void deleteResource(String id, Context context) {
            if (byId.remove(id) == null) {
                throw new ResourceNotFoundException("no resource " + id, null, null);
            }
            Keys removed = keys.remove(id);
            byName.remove(removed.name(), id);
            unindexExternalId(removed, id);
        }

        /** Takes the resource's unique name for this id, or refuses as a SCIM server does (409 uniqueness). */
        private void claimName(T resource, String id) {
            if (byName.putIfAbsent(key(resource), id) != null) {
                throw new ConflictException(uniqueName.apply(resource).orElse("") + " exists",
                        ScimType.RFC7644.UNIQUENESS);
            }
        }

        /** Indexes the resource's externalId, and remembers the keys it is indexed by (the SDK may change it in place). */
        private void index(T resource, String id) {
            Keys now = new Keys(key(resource), resource.getExternalId().orElse(null));
            Keys before = keys.put(id, now);
            if (before != null) {
                unindexExternalId(before, id);
            }
            if (now.externalId() != null) {
                byExternalId.computeIfAbsent(now.externalId(), key -> ConcurrentHashMap.newKeySet()).add(id);
            }
        }

        private void unindexExternalId(Keys keys, String id) {
            if (keys.externalId() != null) {
                byExternalId.computeIfPresent(keys.externalId(), (key, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
            }
        }

        /** What a stored resource is indexed by. */
        private record Keys(String name, String externalId) {
        }

        private String key(T resource) {
            return uniqueName.apply(resource).orElse("").toLowerCase(Locale.ROOT);
        }

        /** The ids an {@code eq} on the name or externalId (or an {@code or} of such) can match; empty for others. */
        private Optional<Set<String>> candidateIds(FilterNode filter) {
            if (filter instanceof OrExpressionNode or) {
                Optional<Set<String>> left = candidateIds(or.getLeftNode());
                Optional<Set<String>> right = candidateIds(or.getRightNode());
                if (left.isEmpty() || right.isEmpty()) {
                    return Optional.empty();
                }
                Set<String> both = new HashSet<>(left.get());
                both.addAll(right.get());
                return Optional.of(both);
            }
            if (!(filter instanceof AttributeExpressionLeaf leaf) || leaf.getComparator() != Comparator.EQ
                    || leaf.getStringValue().isEmpty()) {
                return Optional.empty();
            }
            String value = leaf.getStringValue().get();
            if (nameAttribute.equalsIgnoreCase(leaf.getShortName())) {
                return Optional.of(Optional.ofNullable(byName.get(value.toLowerCase(Locale.ROOT)))
                        .map(Set::of).orElse(Set.of()));
            }
            if ("externalId".equalsIgnoreCase(leaf.getShortName())) {
                return Optional.of(Set.copyOf(byExternalId.getOrDefault(value, Set.of())));
            }
            return Optional.empty();
        }
    }
}
