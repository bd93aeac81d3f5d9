package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.EventData;
import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.OrganizationData;
import dev.orgbridge.core.provisioning.ProvisioningEvent;
import dev.orgbridge.core.provisioning.SubjectKind;
import dev.orgbridge.core.provisioning.TargetUrl;
import dev.orgbridge.core.provisioning.UserRef;
import dev.orgbridge.core.provisioning.WebhookSecret;
import dev.orgbridge.delivery.WebhookSender;
import dev.orgbridge.support.config.SettingsReader;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A webhook target as configured: where to send, which event types (all when empty), which organizations' users
 * (all when empty). The signing secret is read from the component when a call is prepared (it may be a vault
 * reference), never kept here.
 */
public final class WebhookTarget implements ProvisioningTarget {

    private final String componentId;
    private final TargetUrl url;
    private final Set<EventType> eventTypes;
    private final Set<String> organizations;
    private final DeliveryPolicy policy;
    private final Supplier<WebhookSender> sender;

    WebhookTarget(String componentId, TargetUrl url, Set<EventType> eventTypes, Set<String> organizations,
                  DeliveryPolicy policy, Supplier<WebhookSender> sender) {
        this.componentId = componentId;
        this.url = url;
        this.eventTypes = Set.copyOf(eventTypes);
        this.organizations = Set.copyOf(organizations);
        this.policy = policy;
        this.sender = sender;
    }

    @Override
    public String componentId() {
        return componentId;
    }

    @Override
    public DeliveryPolicy policy() {
        return policy;
    }

    @Override
    public boolean wants(EventType type) {
        return type.isWebhookEvent() && (eventTypes.isEmpty() || eventTypes.contains(type));
    }

    @Override
    public Optional<Outgoing> prepare(CallContext call) {
        Subjects subjects = new Subjects(call.session(), call.realm());
        if (!inScope(call, subjects)) {
            return Optional.empty();
        }
        return data(call, subjects).map(data -> {
            ProvisioningEvent event = new ProvisioningEvent(call.messageId(), call.type(), call.changedAt(),
                    call.realm().getName(), data);
            WebhookSecret secret = secret(call);
            byte[] body = event.body();
            String hash = data.fingerprint();
            return new Outgoing() {
                @Override
                public String contentHash() {
                    return hash;
                }

                @Override
                public Attempt send(Instant now) {
                    return Attempt.of(sender.get().send(url, secret, event.id(), body, now));
                }
            };
        });
    }

    /** The organization filter: by the user's organizations now, by the organization itself, by what was sent. */
    private boolean inScope(CallContext call, Subjects subjects) {
        if (organizations.isEmpty()) {
            return true;
        }
        if (call.type().change() == EventType.Change.DELETED) {
            return call.known() || organizations.contains(call.lastKnown().name());
        }
        if (call.type().subject() == SubjectKind.ORGANIZATION) {
            return subjects.organization(call.subjectId()).map(o -> organizations.contains(o.alias())).orElse(false);
        }
        if (call.type() == EventType.ORGANIZATION_MEMBER_ADDED || call.type() == EventType.ORGANIZATION_MEMBER_REMOVED) {
            return subjects.organization(call.containerId()).map(o -> organizations.contains(o.alias()))
                    .orElse(call.known());
        }
        return subjects.userModel(call.subjectId())
                .map(user -> receives(subjects, user))
                .orElse(false) || call.known();
    }

    @Override
    public boolean receives(KeycloakSession session, RealmModel realm, UserModel user) {
        return receives(new Subjects(session, realm), user);
    }

    /** The organization filter of a user: a member of one of the organizations, or any user when there is none. */
    private boolean receives(Subjects subjects, UserModel user) {
        return organizations.isEmpty()
                || subjects.organizationAliases(user).stream().anyMatch(organizations::contains);
    }

    private static Optional<EventData> data(CallContext call, Subjects subjects) {
        String name = call.lastKnown().name() == null ? call.subjectId() : call.lastKnown().name();
        switch (call.type()) {
            case USER_CREATED, USER_UPDATED, USER_ENABLED, USER_DISABLED:
                return subjects.user(call.subjectId()).map(EventData.UserState::new);
            case USER_DELETED:
                return Optional.of(new EventData.UserDeleted(new UserRef(call.subjectId(), name)));
            case ORGANIZATION_CREATED, ORGANIZATION_UPDATED:
                return subjects.organization(call.subjectId()).map(EventData.OrganizationState::new);
            case ORGANIZATION_DELETED:
                String label = call.lastKnown().label() == null ? name : call.lastKnown().label();
                return Optional.of(new EventData.OrganizationState(
                        new OrganizationData(call.subjectId(), name, label)));
            case ORGANIZATION_MEMBER_ADDED, ORGANIZATION_MEMBER_REMOVED:
                return subjects.organization(call.containerId()).flatMap(organization ->
                        subjects.userRef(call.subjectId()).map(user ->
                                new EventData.OrganizationMembership(organization, user)));
            case GROUP_MEMBER_ADDED, GROUP_MEMBER_REMOVED:
                return subjects.group(call.containerId()).flatMap(group ->
                        subjects.userRef(call.subjectId()).map(user -> new EventData.GroupMembership(group, user)));
            default:
                throw new IllegalStateException("no payload for " + call.type());
        }
    }

    /** The signing secret, read now: from the component, or from the vault entry it names. */
    private WebhookSecret secret(CallContext call) {
        ComponentModel component = call.realm().getComponent(componentId);
        SettingsReader settings = TargetSettings.read("webhook target '" + component.getName() + "'", component);
        return WebhookSecret.parse(TargetSettings.secret(settings, WebhookTargetFactory.SECRET,
                TargetSettings.vault(call.session())));
    }

    @Override
    public String toString() {
        return "webhook target " + componentId + " (" + url + ")";
    }
}
