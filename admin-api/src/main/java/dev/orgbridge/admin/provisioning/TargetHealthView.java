package dev.orgbridge.admin.provisioning;

import dev.orgbridge.support.delivery.DeliveryStatus;
import dev.orgbridge.support.delivery.TargetStateEntity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.component.ComponentModel;

/**
 * One target of {@code GET …/orgbridge/provisioning/targets}: how it is doing.
 *
 * @param status     {@code active}, {@code quarantined} or {@code paused}
 * @param failures   attempts failed in a row
 * @param deliveries how many deliveries are pending, delivered, skipped, dead
 */
public record TargetHealthView(String id, String name, String kind, String status, String pauseDetail,
                               Long pausedAt, int failures, String lastError, Long lastFailureAt, Long lastSuccessAt,
                               Map<String, Long> deliveries) {

    static TargetHealthView of(ComponentModel target, TargetStateEntity state, Map<DeliveryStatus, Long> counts) {
        Map<String, Long> deliveries = new LinkedHashMap<>();
        counts.forEach((status, count) -> deliveries.put(status.name().toLowerCase(Locale.ROOT), count));
        if (state == null) {
            return new TargetHealthView(target.getId(), target.getName(), target.getProviderId(), "active", null,
                    null, 0, null, null, null, deliveries);
        }
        return new TargetHealthView(target.getId(), target.getName(), target.getProviderId(),
                state.status().name().toLowerCase(Locale.ROOT), state.pauseDetail(), state.pausedAt(),
                state.failures(), state.lastError(), state.lastFailureAt(), state.lastSuccessAt(), deliveries);
    }
}
