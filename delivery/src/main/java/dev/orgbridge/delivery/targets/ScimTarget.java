package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.DeliveryOutcome;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.Fingerprint;
import dev.orgbridge.core.provisioning.ProvisioningScope;
import dev.orgbridge.core.provisioning.SubjectKind;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.ScimError;
import dev.orgbridge.core.provisioning.scim.ScimGroup;
import dev.orgbridge.core.provisioning.scim.ScimGroupMembers;
import dev.orgbridge.core.provisioning.scim.ScimUser;
import dev.orgbridge.core.provisioning.scim.ScimUserMapping;
import dev.orgbridge.core.provisioning.scim.ScimUserSource;
import dev.orgbridge.delivery.scim.ScimClient;
import dev.orgbridge.delivery.scim.ScimEndpoint;
import dev.orgbridge.delivery.scim.ScimResult;
import dev.orgbridge.delivery.scim.ScimSubjects;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.RemoteEntity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A SCIM 2.0 target as configured ({@code orgbridge-scim}): the server and its credentials (secrets already read from
 * the vault: created for each send), how users map, which users it receives, what a deletion does, and whether groups
 * are pushed. Safe to log: no secret in {@link #toString()}.
 *
 * <table>
 * <caption>What each call becomes</caption>
 * <tr><th>Call</th><th>SCIM</th></tr>
 * <tr><td>user created, updated, enabled, disabled; in scope</td><td>create or update (idempotent)</td></tr>
 * <tr><td>the same, out of scope, sent before</td><td>deprovision (deactivate or delete)</td></tr>
 * <tr><td>user deleted, sent before</td><td>deprovision</td></tr>
 * <tr><td>group member added / removed (push groups on)</td><td>create or adopt the group, add / remove the member</td></tr>
 * <tr><td>group synced (a re-sync, push groups on)</td><td>create or adopt the group, set its members to those in
 *     scope the target holds ({@link ScimGroupMembers})</td></tr>
 * <tr><td>group deleted (push groups on)</td><td>delete the group Orgbridge made for it, by id or
 *     {@code externalId}</td></tr>
 * </table>
 *
 * @param scope      which users the target receives ({@link ProvisioningScope#includes})
 * @param pushGroups whether Keycloak groups and memberships are pushed too
 * @param client     the node's SCIM client, shared by every SCIM target
 */
public record ScimTarget(String componentId, ScimEndpoint endpoint, ScimUserMapping mapping, ProvisioningScope scope,
                         DeprovisionMode deprovisioning, boolean pushGroups, DeliveryPolicy policy,
                         Supplier<ScimClient> client) implements ProvisioningTarget {

    /** Members whose records of what the target holds one query reads. */
    private static final int REMOTES_PER_QUERY = 500;

    public ScimTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(deprovisioning, "deprovisioning");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(client, "client");
    }

    /** Creates or updates the user as read now, mapped as configured; see {@link ScimClient#provisionUser}. */
    public ScimResult provisionUser(ScimClient scim, ScimUserSource user, Optional<String> knownRemoteId) {
        return scim.provisionUser(endpoint, mapping.map(user), knownRemoteId);
    }

    /** Deactivates or deletes the user, as configured; see {@link ScimClient#deprovisionUser}. */
    public ScimResult deprovisionUser(ScimClient scim, String remoteId) {
        return scim.deprovisionUser(endpoint, remoteId, deprovisioning);
    }

    @Override
    public boolean wants(EventType type) {
        if (type.subject() == SubjectKind.GROUP) {
            return pushGroups;
        }
        return type.subject() == SubjectKind.USER
                && (!type.isMembership() || pushGroups && type.wireName().startsWith("group."));
    }

    @Override
    public boolean pushesGroups() {
        return pushGroups;
    }

    @Override
    public Optional<Outgoing> prepare(CallContext call) {
        Subjects subjects = new Subjects(call.session(), call.realm());
        Optional<String> remote = Optional.ofNullable(call.remoteId());
        if (call.type() == EventType.GROUP_SYNCED) {
            return groupState(call, subjects);
        }
        if (call.type() == EventType.GROUP_DELETED) {
            return Optional.of(outgoing(null, scim -> scim.deleteGroup(endpoint, call.subjectId(), remote)));
        }
        if (call.type() == EventType.USER_DELETED) {
            return remote.map(id -> outgoing(null, scim -> deprovisionUser(scim, id)));
        }
        Optional<UserModel> found = subjects.userModel(call.subjectId());
        if (found.isEmpty()) {
            return Optional.empty(); // deleted meanwhile: its deletion follows
        }
        UserModel user = found.get();
        boolean inScope = receives(call.session(), call.realm(), user);
        if (call.type().isMembership()) {
            GroupModel group = call.session().groups().getGroupById(call.realm(), call.containerId());
            if (!inScope || remote.isEmpty() || group == null) {
                return Optional.empty();
            }
            ScimGroup scimGroup = ScimSubjects.group(group);
            boolean added = call.type() == EventType.GROUP_MEMBER_ADDED;
            return Optional.of(outgoing(null, scim -> membership(scim, scimGroup, remote.get(), added)));
        }
        if (!inScope) {
            return remote.map(id -> outgoing(null, scim -> deprovisionUser(scim, id)));
        }
        ScimUserSource source = ScimSubjects.user(user);
        ScimUser mapped = mapping.map(source);
        return Optional.of(outgoing(Fingerprint.of(mapped.resource()), scim -> scim.provisionUser(endpoint, mapped, remote)));
    }

    @Override
    public boolean receives(KeycloakSession session, RealmModel realm, UserModel user) {
        return receives(new Subjects(session, realm), user);
    }

    private boolean receives(Subjects subjects, UserModel user) {
        return scope.kind() == ProvisioningScope.Kind.ALL || scope.includes(subjects.memberships(user));
    }

    /**
     * The group as it is now, with its members in scope that the target holds; empty when the group is gone or the
     * target needs nothing of it. The group's members only, never all users of the realm; what the target holds of
     * them is read a page of {@value #REMOTES_PER_QUERY} at a time.
     */
    private Optional<Outgoing> groupState(CallContext call, Subjects subjects) {
        GroupModel group = call.session().groups().getGroupById(call.realm(), call.subjectId());
        if (group == null || group.getType() != GroupModel.Type.REALM) {
            return Optional.empty();
        }
        DeliveryStore store = new DeliveryStore(call.session());
        List<UserModel> users = call.session().users().getGroupMembersStream(call.realm(), group).toList();
        for (int from = 0; from < users.size(); from += REMOTES_PER_QUERY) { // what the target holds: a query a page
            store.loadRemotes(componentId, users.subList(from, Math.min(users.size(), from + REMOTES_PER_QUERY))
                    .stream().map(UserModel::getId).toList());
        }
        List<ScimGroupMembers.Member> members = users.stream()
                .map(user -> new ScimGroupMembers.Member(receives(subjects, user),
                        Optional.ofNullable(store.remote(componentId, user.getId())).map(RemoteEntity::remoteId)
                                .orElse(null)))
                .toList();
        Optional<String> known = Optional.ofNullable(call.remoteId());
        ScimGroup scimGroup = ScimSubjects.group(group);
        return ScimGroupMembers.of(call.known(), members)
                .map(ids -> outgoing(null, scim -> groupWithMembers(scim, scimGroup, known, ids)));
    }

    /** Finds or creates the group (idempotent), then sets its members. */
    private ScimResult groupWithMembers(ScimClient scim, ScimGroup group, Optional<String> known, List<String> ids) {
        ScimResult found = scim.provisionGroup(endpoint, group, known);
        if (found.remoteId().isEmpty() || !(found.outcome() instanceof DeliveryOutcome.Success)) {
            return found;
        }
        return scim.setMembers(endpoint, found.remoteId().get(), ids);
    }

    /** Finds or creates the group (idempotent), then adds or removes the member. */
    private ScimResult membership(ScimClient scim, ScimGroup group, String userRemoteId, boolean add) {
        ScimResult found = scim.provisionGroup(endpoint, group, Optional.empty());
        if (found.remoteId().isEmpty()) {
            return found;
        }
        return add ? scim.addMember(endpoint, found.remoteId().get(), userRemoteId)
                : scim.removeMember(endpoint, found.remoteId().get(), userRemoteId);
    }

    private Outgoing outgoing(String contentHash, Function<ScimClient, ScimResult> call) {
        return new Outgoing() {
            @Override
            public String contentHash() {
                return contentHash;
            }

            @Override
            public Attempt send(Instant now) {
                ScimResult result = call.apply(client.get());
                boolean membership = result.action() == ScimResult.Action.MEMBER_ADDED
                        || result.action() == ScimResult.Action.MEMBER_REMOVED;
                return new Attempt(result.outcome(), membership ? null : result.remoteId().orElse(null),
                        result.error().map(ScimError::describe).orElse(null));
            }
        };
    }

    @Override
    public String toString() {
        return "SCIM target " + componentId + " (" + endpoint + ")";
    }
}
