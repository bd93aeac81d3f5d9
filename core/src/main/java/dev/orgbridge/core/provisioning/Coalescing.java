package dev.orgbridge.core.provisioning;

import dev.orgbridge.core.provisioning.EventType.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the pending changes of one subject (a user or an organization) into the fewest calls that bring a target to
 * the subject's current state, which the worker reads at send time. Changes of one subject are given and answered in
 * order; the worker sends one subject's calls in that order and the next batch of the subject only after them.
 *
 * <table>
 * <caption>The subject itself</caption>
 * <tr><th>Pending</th><th>Call</th></tr>
 * <tr><td>created, then any updates, enables, disables</td><td>one create, with the current state</td></tr>
 * <tr><td>updates, enables and disables, at least one update</td><td>one update ({@code user.updated})</td></tr>
 * <tr><td>only enables and disables</td><td>one update of {@code active}, typed as the last of them</td></tr>
 * <tr><td>created … deleted</td><td>nothing: the target never saw it</td></tr>
 * <tr><td>anything else … deleted</td><td>one delete; what follows a deletion is dropped (deleted is terminal)</td></tr>
 * </table>
 *
 * <p>Memberships (a user's only): per organization or group, the first and the last pending change decide. The same
 * (added … added, removed … removed): one call, the last. Different (added … removed, removed … added): nothing, the
 * target already is as it was. A deleted user's membership changes are dropped: the deletion removes them. Membership
 * calls follow the user's own call, in the order their organization or group first appears.
 *
 * <p>A group's queue (a re-sync's {@code group.synced} calls): any number fold into one, which sends the group and its
 * members as they are at send time.
 */
public final class Coalescing {

    private Coalescing() {
    }

    /**
     * One pending outbox row.
     *
     * @param sequence    the row's place in the outbox; increasing within a subject
     * @param containerId the organization or group of a membership change; null for the others
     */
    public record PendingChange(long sequence, EventType type, String containerId) {
        public PendingChange {
            Objects.requireNonNull(type, "type");
            if (type.isMembership() == (containerId == null)) {
                throw new IllegalArgumentException(type.isMembership()
                        ? type + " needs the organization or group id" : type + " has no organization or group id");
            }
        }
    }

    /**
     * One call to make: of this type, with the state read at send time.
     *
     * @param covers the rows this call settles
     */
    public record Call(EventType type, String containerId, List<Long> covers) {
        public Call {
            Objects.requireNonNull(type, "type");
            covers = List.copyOf(covers);
        }
    }

    /**
     * The calls, in order, and the rows that need none (coalesced away); once every call succeeded, every row of the
     * batch is settled.
     */
    public record Plan(List<Call> calls, List<Long> dropped) {
        public Plan {
            calls = List.copyOf(calls);
            dropped = List.copyOf(dropped);
        }
    }

    /** The plan for the pending changes of one subject of kind {@code subject}, oldest first. */
    public static Plan plan(SubjectKind subject, List<PendingChange> pending) {
        long previous = Long.MIN_VALUE;
        for (PendingChange change : pending) {
            if (change.type().subject() != subject) {
                throw new IllegalArgumentException(change.type() + " is no change of a " + subject);
            }
            if (change.sequence() <= previous) {
                throw new IllegalArgumentException("pending changes must come oldest first, by sequence");
            }
            previous = change.sequence();
        }

        List<Long> dropped = new ArrayList<>();
        List<PendingChange> own = new ArrayList<>();
        List<PendingChange> memberships = new ArrayList<>();
        PendingChange deletion = null;
        for (PendingChange change : pending) {
            if (deletion != null) {
                dropped.add(change.sequence()); // after the deletion: nothing left to change
            } else if (change.type().change() == Change.DELETED) {
                deletion = change;
            } else if (change.type().isMembership()) {
                memberships.add(change);
            } else {
                own.add(change);
            }
        }

        List<Call> calls = new ArrayList<>();
        boolean created = own.stream().anyMatch(change -> change.type().change() == Change.CREATED);
        if (deletion != null) {
            memberships.forEach(change -> dropped.add(change.sequence()));
            if (created) {
                own.forEach(change -> dropped.add(change.sequence()));
                dropped.add(deletion.sequence());
            } else {
                List<Long> covers = sequences(own);
                covers.add(deletion.sequence());
                calls.add(new Call(deletion.type(), null, covers));
            }
            dropped.sort(null);
            return new Plan(calls, dropped);
        }

        if (!own.isEmpty()) {
            calls.add(new Call(ownCallType(subject, own, created), null, sequences(own)));
        }
        Map<String, List<PendingChange>> byContainer = new LinkedHashMap<>();
        for (PendingChange change : memberships) {
            String key = change.type().wireName().substring(0, change.type().wireName().indexOf('.')) + ":"
                    + change.containerId();
            byContainer.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }
        for (List<PendingChange> changes : byContainer.values()) {
            PendingChange first = changes.get(0);
            PendingChange last = changes.get(changes.size() - 1);
            if (first.type() == last.type()) {
                calls.add(new Call(last.type(), last.containerId(), sequences(changes)));
            } else {
                changes.forEach(change -> dropped.add(change.sequence()));
            }
        }
        dropped.sort(null);
        return new Plan(calls, dropped);
    }

    private static EventType ownCallType(SubjectKind subject, List<PendingChange> own, boolean created) {
        if (subject == SubjectKind.GROUP) {
            return EventType.GROUP_SYNCED; // a group's queue holds re-syncs and its deletion, which goes first above
        }
        if (created) {
            return subject == SubjectKind.USER ? EventType.USER_CREATED : EventType.ORGANIZATION_CREATED;
        }
        boolean updated = own.stream().anyMatch(change -> change.type().change() == Change.UPDATED);
        if (updated) {
            return subject == SubjectKind.USER ? EventType.USER_UPDATED : EventType.ORGANIZATION_UPDATED;
        }
        return own.get(own.size() - 1).type(); // only enables and disables: the last one tells the current state
    }

    private static List<Long> sequences(List<PendingChange> changes) {
        List<Long> sequences = new ArrayList<>(changes.size());
        changes.forEach(change -> sequences.add(change.sequence()));
        return sequences;
    }
}
