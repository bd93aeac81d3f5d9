package dev.orgbridge.core.provisioning.notify;

import dev.orgbridge.core.provisioning.MassDeletionGuard;
import dev.orgbridge.core.provisioning.Quarantine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orgbridge stopped delivering to a provisioning target until an admin acts: it kept failing ({@link Quarantined}),
 * or a burst of deletions tripped the mass-deletion guard ({@link MassDeletion}). The reason carries numbers, not a
 * sentence, so that every language says it in its own words.
 *
 * @param target the provisioning target's name
 * @param since  when it was paused
 */
public record TargetPaused(String target, Reason reason, Instant since) implements Notification {

    public TargetPaused {
        target = MailText.required(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }

    /** Why the target is paused. */
    public sealed interface Reason permits Quarantined, MassDeletion {

        /** {@code quarantined} or {@code mass-deletion}, as templates test it. */
        String code();

        Map<String, Object> attributes();
    }

    /** {@link Quarantine}: the last {@code failures} attempts failed, over {@code failingFor}. */
    public record Quarantined(long failures, Duration failingFor) implements Reason {
        public Quarantined {
            if (failures < 1) {
                throw new IllegalArgumentException("a quarantine follows at least one failure, not " + failures);
            }
            Objects.requireNonNull(failingFor, "failingFor");
            if (failingFor.isNegative()) {
                throw new IllegalArgumentException("the failing time must not be negative, not " + failingFor);
            }
        }

        @Override
        public String code() {
            return "quarantined";
        }

        @Override
        public Map<String, Object> attributes() {
            return MailText.attributes("failures", failures, "failingFor", MailText.duration(failingFor));
        }
    }

    /** {@link MassDeletionGuard}: {@code deletions} queued, at or over {@code threshold} for {@code users} users. */
    public record MassDeletion(long deletions, long threshold, long users) implements Reason {
        public MassDeletion {
            if (deletions < 1 || threshold < 1 || users < 0) {
                throw new IllegalArgumentException("a mass deletion needs deletions and a threshold");
            }
        }

        /** The reason the guard gave. */
        public static MassDeletion of(MassDeletionGuard.Pause pause) {
            return new MassDeletion(pause.deletions(), pause.threshold(), pause.users());
        }

        @Override
        public String code() {
            return "mass-deletion";
        }

        @Override
        public Map<String, Object> attributes() {
            return MailText.attributes("deletions", deletions, "threshold", threshold, "users", users);
        }
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.TARGET_PAUSED;
    }

    @Override
    public List<Object> subjectArguments() {
        return List.of(target);
    }

    /**
     * {@code targetName}, {@code since}, {@code reason} (its {@linkplain Reason#code() code}), and the reason's numbers:
     * {@code failures} and {@code failingFor} ({@code 1 h 5 min}), or {@code deletions}, {@code threshold} and
     * {@code users}.
     */
    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>(MailText.attributes("targetName", target,
                "since", MailText.time(since), "reason", reason.code()));
        attributes.putAll(reason.attributes());
        return Collections.unmodifiableMap(attributes);
    }
}
