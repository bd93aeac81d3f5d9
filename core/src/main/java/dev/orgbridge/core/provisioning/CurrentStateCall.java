package dev.orgbridge.core.provisioning;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The call that brings a target to a user's current state when an admin asks for it (provision now, re-sync) rather
 * than a change: a create when the target does not hold the user yet, an update when it does. A target whose event
 * filter takes only the other one gets that one (both carry the user's full current state); a target that takes
 * neither gets nothing.
 */
public final class CurrentStateCall {

    private CurrentStateCall() {
    }

    /**
     * @param held  whether the target holds the user (Orgbridge delivered it before and has not deleted it since)
     * @param wants the target's event filter
     */
    public static Optional<EventType> of(boolean held, Predicate<EventType> wants) {
        EventType first = held ? EventType.USER_UPDATED : EventType.USER_CREATED;
        EventType other = held ? EventType.USER_CREATED : EventType.USER_UPDATED;
        if (wants.test(first)) {
            return Optional.of(first);
        }
        return wants.test(other) ? Optional.of(other) : Optional.empty();
    }
}
