package dev.orgbridge.delivery.worker;

import dev.orgbridge.delivery.targets.ProvisioningTarget;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.outbox.Outbox;
import dev.orgbridge.support.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Moves outbox entries into the queues of the targets that want them, in one transaction per batch. A batch is
 * taken by deleting its rows in one statement: on several nodes only the one whose delete removed them all queues it.
 */
final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String TARGET_TYPE = ProvisioningTargets.TYPE;

    private final int batchSize;

    Dispatcher(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Dispatches one batch per realm that has targets; true if any realm has more waiting. */
    boolean dispatch(KeycloakSession session) {
        DeliveryStore store = new DeliveryStore(session);
        Outbox outbox = new Outbox(session);
        boolean more = false;
        for (String realmId : store.realmsWithComponents(TARGET_TYPE)) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                continue;
            }
            session.getContext().setRealm(realm);
            List<ProvisioningTarget> targets = targets(session, realm);
            if (targets.isEmpty()) {
                continue; // entries wait until every target of the realm can be used again
            }
            List<OutboxEntry> entries = outbox.of(realmId, batchSize);
            long now = Time.currentTimeMillis();
            targets.forEach(target -> store.stateOrNew(target.componentId(), realmId));
            if (!outbox.take(entries.stream().map(OutboxEntry::id).toList())) {
                // another node took some of them meanwhile: queue none of this batch, read again in the next pass
                session.getTransactionManager().setRollbackOnly();
                return true;
            }
            for (OutboxEntry entry : entries) {
                targets.stream().filter(target -> target.wants(entry))
                        .forEach(target -> store.enqueue(target.componentId(), realmId, entry, now));
            }
            more |= entries.size() == batchSize;
        }
        return more;
    }

    /** The realm's targets; none while any of them cannot be used, so that no target misses a change. */
    private static List<ProvisioningTarget> targets(KeycloakSession session, RealmModel realm) {
        List<ProvisioningTarget> targets = new ArrayList<>();
        for (ComponentModel component : realm.getComponentsStream(realm.getId(), TARGET_TYPE).toList()) {
            try {
                targets.add(ProvisioningTargets.of(session, component));
            } catch (RuntimeException e) {
                LOG.warnf("Orgbridge provisioning target '%s' of realm %s cannot be used; the realm's changes wait "
                        + "in the outbox until it is fixed or removed: %s", component.getName(), realm.getName(),
                        e.getMessage());
                return List.of();
            }
        }
        return targets;
    }
}
