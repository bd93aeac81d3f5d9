package dev.orgbridge.core.provisioning.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The failed deliveries to one provisioning target over a period, in one mail: the worker counts failures between
 * digests (in the database, so every node adds to the same count) and sends a digest when the
 * {@link DigestSchedule} lets it, never one mail per failure.
 *
 * @param target      the provisioning target's name
 * @param failures    failed delivery attempts in the period
 * @param deadLetters messages that became dead letters in the period (given up on; an admin can send them again)
 * @param examples    some of the failures, the first {@value #MAX_EXAMPLES} kept
 */
public record FailureDigest(String target, long failures, long deadLetters, Instant periodStart, Instant periodEnd,
                            List<Example> examples) implements Notification {

    /** Enough to see a pattern (one user, one operation, one status) without a wall of lines. */
    public static final int MAX_EXAMPLES = 10;

    public FailureDigest {
        target = MailText.required(target, "target");
        if (failures < 0 || deadLetters < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (failures == 0 && deadLetters == 0) {
            throw new IllegalArgumentException("a digest needs a failure or a dead letter to report");
        }
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        examples = List.copyOf(Objects.requireNonNull(examples, "examples")
                .subList(0, Math.min(examples.size(), MAX_EXAMPLES)));
    }

    /**
     * One failure as the digest lists it.
     *
     * @param user      the user's username (or id) the change was about
     * @param operation what was sent, e.g. {@code user.created}
     * @param error     short and safe to show, e.g. {@code HTTP 503} or {@code connect timeout}; never a body
     */
    public record Example(String user, String operation, String error) {
        public Example {
            user = MailText.required(user, "user");
            operation = MailText.required(operation, "operation");
            error = MailText.required(error, "error");
        }

        Map<String, Object> attributes() {
            return MailText.attributes("user", user, "operation", operation, "error", error);
        }
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.PROVISIONING_FAILURES;
    }

    @Override
    public List<Object> subjectArguments() {
        return List.of(target);
    }

    /**
     * {@code targetName}, {@code failures}, {@code deadLetters}, {@code periodStart}, {@code periodEnd} and
     * {@code examples} (each with {@code user}, {@code operation}, {@code error}).
     */
    @Override
    public Map<String, Object> attributes() {
        return MailText.attributes("targetName", target, "failures", failures, "deadLetters", deadLetters,
                "periodStart", MailText.time(periodStart), "periodEnd", MailText.time(periodEnd),
                "examples", examples.stream().map(Example::attributes).toList());
    }
}
