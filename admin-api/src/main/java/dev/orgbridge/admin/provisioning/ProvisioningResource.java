package dev.orgbridge.admin.provisioning;

import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.delivery.worker.DeliveryService;
import dev.orgbridge.support.delivery.DeliveryStatus;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.TargetStateEntity;
import dev.orgbridge.support.outbox.Outbox;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/orgbridge/provisioning}: the provisioning log and its controls (docs/admin-api.md).
 * Reading needs view-realm, acting manage-realm.
 */
public final class ProvisioningResource {

    private static final int MAX_PAGE = 1000;

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final RealmModel realm;

    public ProvisioningResource(KeycloakSession session, AdminPermissionEvaluator auth) {
        this.session = session;
        this.auth = auth;
        this.realm = session.getContext().getRealm();
    }

    /** Changes captured and not yet handed to the targets' queues, oldest first. */
    @GET
    @Path("outbox")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OutboxItem> outbox(@QueryParam("max") @DefaultValue("100") int max) {
        auth.realm().requireViewRealm();
        return new Outbox(session).of(realm.getId(), page(max)).stream().map(OutboxItem::of).toList();
    }

    /** Each target of the realm with its health. */
    @GET
    @Path("targets")
    @Produces(MediaType.APPLICATION_JSON)
    public List<TargetHealthView> targets() {
        auth.realm().requireViewRealm();
        DeliveryStore store = new DeliveryStore(session);
        return realm.getComponentsStream(realm.getId(), ProvisioningTargets.TYPE)
                .map(target -> TargetHealthView.of(target, store.state(target.getId()), store.counts(target.getId())))
                .toList();
    }

    /** The provisioning log, newest first: filter by target, user (or organization) and status. */
    @GET
    @Path("deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DeliveryView> deliveries(@QueryParam("target") String targetId, @QueryParam("subject") String subject,
                                         @QueryParam("status") String status,
                                         @QueryParam("first") @DefaultValue("0") int first,
                                         @QueryParam("max") @DefaultValue("100") int max) {
        auth.realm().requireViewRealm();
        DeliveryStore.LogFilter filter = new DeliveryStore.LogFilter(targetId, subject, status(status));
        return new DeliveryStore(session).log(realm.getId(), filter, Math.max(0, first), page(max)).stream()
                .map(DeliveryView::of).toList();
    }

    /** Queues the target's dead letters again; answers how many. */
    @POST
    @Path("targets/{targetId}/dead-letters/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> retryDeadLetters(@PathParam("targetId") String targetId) {
        auth.realm().requireManageRealm();
        target(targetId);
        int queued = new DeliveryStore(session).retryDead(targetId, Time.currentTimeMillis());
        nudgeAfterCommit();
        return Map.of("queued", queued);
    }

    /**
     * Delivers to a quarantined or paused target again; for a target paused by the mass-deletion guard this confirms
     * the deletions queued so far.
     */
    @POST
    @Path("targets/{targetId}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    public TargetHealthView resume(@PathParam("targetId") String targetId) {
        auth.realm().requireManageRealm();
        ComponentModel target = target(targetId);
        DeliveryStore store = new DeliveryStore(session);
        TargetStateEntity state = store.stateOrNew(targetId, realm.getId());
        state.resume(Time.currentTimeMillis());
        nudgeAfterCommit();
        return TargetHealthView.of(target, state, store.counts(targetId));
    }

    private ComponentModel target(String targetId) {
        ComponentModel target = realm.getComponent(targetId);
        if (target == null || !ProvisioningTargets.TYPE.equals(target.getProviderType())) {
            throw new NotFoundException("No provisioning target " + targetId + " in this realm");
        }
        return target;
    }

    private void nudgeAfterCommit() {
        DeliveryService worker = session.getProvider(DeliveryService.class);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                worker.nudge();
            }

            @Override
            protected void rollbackImpl() {
                // nothing changed: nothing to deliver
            }
        });
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(DeliveryStatus.values())
                .filter(value -> value.name().toLowerCase(Locale.ROOT).equals(status))
                .findFirst()
                .orElseThrow(() -> new BadRequestException("status must be one of pending, delivered, skipped, "
                        + "dead"));
    }

    private static int page(int max) {
        return Math.max(1, Math.min(max, MAX_PAGE));
    }
}
