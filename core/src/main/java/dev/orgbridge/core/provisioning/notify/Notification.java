package dev.orgbridge.core.provisioning.notify;

import java.util.List;
import java.util.Map;

/**
 * Something an admin is told by mail. Every text value is one line and cut to {@link #MAX_TEXT_LENGTH} characters
 * when the notification is built, since names and errors come from users, identity providers and downstream systems.
 */
public sealed interface Notification permits OrganizationCreated, UserProvisioned, FailureDigest, TargetPaused {

    /** The most characters (code points) of one text value; longer ones end with {@code …}. */
    int MAX_TEXT_LENGTH = 200;

    NotificationKind kind();

    /** What the subject message's {@code {0}}, {@code {1}}… stand for. */
    List<Object> subjectArguments();

    /**
     * The template's values by name: text, whole numbers ({@code Long}) and lists of them. An absent value has no
     * entry (templates test it with {@code ??}).
     */
    Map<String, Object> attributes();
}
