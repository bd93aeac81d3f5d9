package dev.orgbridge.admin.provisioning;

import dev.orgbridge.core.provisioning.ResyncProgress;
import dev.orgbridge.delivery.targets.ProvisioningTarget;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import dev.orgbridge.delivery.worker.DeliveryService;
import dev.orgbridge.delivery.worker.ProvisionNow;
import dev.orgbridge.support.delivery.DeliveryStatus;
import dev.orgbridge.support.delivery.DeliveryStore;
import dev.orgbridge.support.delivery.ResyncJobEntity;
import dev.orgbridge.support.delivery.ResyncJobs;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
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

    /**
     * The provisioning log, newest first: filter by target, user (or organization, or group) and status, and by the
     * re-sync job that queued the deliveries.
     */
    @GET
    @Path("deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DeliveryView> deliveries(@QueryParam("target") String targetId, @QueryParam("subject") String subject,
                                         @QueryParam("status") String status, @QueryParam("job") String jobId,
                                         @QueryParam("first") @DefaultValue("0") int first,
                                         @QueryParam("max") @DefaultValue("100") int max) {
        auth.realm().requireViewRealm();
        DeliveryStore.LogFilter filter = new DeliveryStore.LogFilter(targetId, subject, status(status),
                job(jobId, targetId));
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

    /**
     * Sends the user's current state to the target now and answers what came of it (docs/admin-api.md): on this
     * request's thread, under the target's lease, through the worker's own code, outside any open transaction of its
     * own; the call is in the provisioning log too.
     */
    @POST
    @Path("targets/{targetId}/users/{userId}/provision")
    @Produces(MediaType.APPLICATION_JSON)
    public ProvisionResultView provision(@PathParam("targetId") String targetId,
                                         @PathParam("userId") String userId) {
        auth.realm().requireManageRealm();
        try {
            ProvisionNow.Result result = new ProvisionNow(session.getKeycloakSessionFactory(), realm.getId(),
                    targetId).user(userId);
            if (result.nextAttemptAt() != null) {
                nudgeAfterCommit(); // the worker retries it
            }
            return ProvisionResultView.of(targetId, result);
        } catch (ProvisionNow.Refused refused) {
            throw switch (refused.reason()) {
                case NO_TARGET, NO_USER -> new NotFoundException(refused.getMessage());
                case NO_USER_DELIVERIES -> new BadRequestException(refused.getMessage());
                case BUSY -> ErrorResponse.error(refused.getMessage(), Response.Status.CONFLICT);
            };
        }
    }

    /**
     * Starts a full re-sync of the target: a job the worker runs in the background, on any node (docs/admin-api.md).
     * Answers 202 with the job and its address; 409 with the running one when the target has one already.
     */
    @POST
    @Path("targets/{targetId}/resync")
    @Produces(MediaType.APPLICATION_JSON)
    public Response startResync(@PathParam("targetId") String targetId) {
        auth.realm().requireManageRealm();
        ComponentModel component = target(targetId);
        ProvisioningTarget target = ProvisioningTargets.of(session, component);
        if (!target.takesUserChanges()) {
            throw new BadRequestException("Provisioning target " + targetId + " takes no user changes (it sends "
                    + "mails, or its event types leave users out): nothing to re-sync");
        }
        ResyncJobs jobs = new ResyncJobs(session);
        jobs.lockTarget(targetId, realm.getId());
        Optional<ResyncJobEntity> latest = jobs.latest(targetId);
        if (latest.isPresent()) {
            ResyncProgress progress = jobs.progress(latest.get());
            if (progress.active()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("errorMessage", "A re-sync of this target is " + progress.state().wireName() + ": "
                        + latest.get().id());
                body.put("job", ResyncJobView.of(latest.get(), progress));
                throw new WebApplicationException(Response.status(Response.Status.CONFLICT)
                        .location(jobUri(targetId, latest.get().id())).entity(body)
                        .type(MediaType.APPLICATION_JSON_TYPE).build());
            }
        }
        ResyncJobEntity job = jobs.create(targetId, realm.getId(), auth.adminAuth().getUser().getId(),
                Time.currentTimeMillis());
        nudgeAfterCommit();
        return Response.accepted(ResyncJobView.of(job, jobs.progress(job))).location(jobUri(targetId, job.id()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The target's re-sync jobs, newest first. */
    @GET
    @Path("targets/{targetId}/resync")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ResyncJobView> resyncJobs(@PathParam("targetId") String targetId,
                                          @QueryParam("max") @DefaultValue("20") int max) {
        auth.realm().requireViewRealm();
        target(targetId);
        ResyncJobs jobs = new ResyncJobs(session);
        return jobs.ofTarget(targetId, page(max)).stream().map(job -> ResyncJobView.of(job, jobs.progress(job)))
                .toList();
    }

    /** One re-sync job and its progress. */
    @GET
    @Path("targets/{targetId}/resync/{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ResyncJobView resyncJob(@PathParam("targetId") String targetId, @PathParam("jobId") String jobId) {
        auth.realm().requireViewRealm();
        target(targetId);
        ResyncJobs jobs = new ResyncJobs(session);
        ResyncJobEntity job = jobs.job(jobId);
        if (job == null || !job.targetId().equals(targetId)) {
            throw new NotFoundException("No re-sync job " + jobId + " of provisioning target " + targetId);
        }
        return ResyncJobView.of(job, jobs.progress(job));
    }

    private URI jobUri(String targetId, String jobId) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("admin/realms/{realm}/orgbridge/provisioning/targets/{targetId}/resync/{jobId}")
                .build(realm.getName(), targetId, jobId);
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

    /**
     * The re-sync job to filter by (null: none): 404 when the realm has no such job, 400 when it is another target's
     * than the one asked for.
     */
    private String job(String jobId, String targetId) {
        if (jobId == null || jobId.isBlank()) {
            return null;
        }
        ResyncJobEntity job = new ResyncJobs(session).job(jobId);
        if (job == null || !job.realmId().equals(realm.getId())) {
            throw new NotFoundException("No re-sync job " + jobId + " in this realm");
        }
        if (targetId != null && !targetId.isBlank() && !job.targetId().equals(targetId)) {
            throw new BadRequestException("Re-sync job " + jobId + " is one of provisioning target "
                    + job.targetId() + ", not of " + targetId);
        }
        return job.id();
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
