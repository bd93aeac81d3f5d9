package dev.orgbridge.core.provisioning.notify;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of notification a notification target takes (its {@code notifyOn} option). */
public record NotifyOn(Set<NotificationKind> kinds) {

    /** Every kind but users created just in time. */
    public static final NotifyOn DEFAULT = new NotifyOn(Arrays.stream(NotificationKind.values())
            .filter(NotificationKind::onByDefault).collect(Collectors.toSet()));

    public NotifyOn {
        kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
    }

    /** The kinds an admin listed; none listed means {@link #DEFAULT} (a target that takes nothing is no target). */
    public static NotifyOn of(Set<NotificationKind> kinds) {
        return kinds.isEmpty() ? DEFAULT : new NotifyOn(kinds);
    }

    public boolean accepts(Notification notification) {
        return kinds.contains(notification.kind());
    }
}
