package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.ProvisioningScope;
import dev.orgbridge.core.provisioning.scim.DeprovisionMode;
import dev.orgbridge.core.provisioning.scim.ScimUserMapping;
import dev.orgbridge.core.provisioning.scim.ScimUserSource;
import dev.orgbridge.delivery.scim.ScimClient;
import dev.orgbridge.delivery.scim.ScimEndpoint;
import dev.orgbridge.delivery.scim.ScimResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM 2.0 target as configured ({@code orgbridge-scim}): the server and its credentials (secrets already read from
 * the vault: create this for a send, through {@code session.getComponentProvider(ProvisioningTarget.class, id)}), how
 * users map, which users it receives, what a deletion does, and whether groups are pushed. Safe to log: no secret in
 * {@link #toString()}.
 *
 * <pre>{@code
 * ScimResult result = target.provisionUser(client, ScimSubjects.user(user), storedRemoteId);
 * // store result.remoteId() for the next call; result.outcome() decides retry or dead letter
 * }</pre>
 *
 * @param scope      which users the target receives ({@link ProvisioningScope#includes})
 * @param pushGroups whether Keycloak groups and memberships are pushed too (the client's group operations, on
 *                   {@link #endpoint()})
 */
public record ScimTarget(String componentId, ScimEndpoint endpoint, ScimUserMapping mapping, ProvisioningScope scope,
                         DeprovisionMode deprovisioning, boolean pushGroups) implements ProvisioningTarget {

    public ScimTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(deprovisioning, "deprovisioning");
    }

    /** Creates or updates the user as read now, mapped as configured; see {@link ScimClient#provisionUser}. */
    public ScimResult provisionUser(ScimClient client, ScimUserSource user, Optional<String> knownRemoteId) {
        return client.provisionUser(endpoint, mapping.map(user), knownRemoteId);
    }

    /** Deactivates or deletes the user, as configured; see {@link ScimClient#deprovisionUser}. */
    public ScimResult deprovisionUser(ScimClient client, String remoteId) {
        return client.deprovisionUser(endpoint, remoteId, deprovisioning);
    }
}
