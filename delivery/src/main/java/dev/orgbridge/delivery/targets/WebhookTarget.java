package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.provisioning.EventType;
import dev.orgbridge.core.provisioning.TargetUrl;
import java.util.Set;

/**
 * A webhook target as configured: where to send, which event types (all when empty), which organizations' users
 * (all when empty). The signing secret is read when sending (it may be a vault reference), never kept here.
 */
public record WebhookTarget(String componentId, TargetUrl url, Set<EventType> eventTypes,
                            Set<String> organizations) implements ProvisioningTarget {
}
