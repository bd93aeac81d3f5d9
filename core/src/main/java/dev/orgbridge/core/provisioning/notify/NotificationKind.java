package dev.orgbridge.core.provisioning.notify;

/**
 * What a notification is about: the values of a notification target's {@code notifyOn} option (written lower case
 * with {@code -}, e.g. {@code provisioning-failures}), each with its mail template and subject message.
 */
public enum NotificationKind {
    ORGANIZATION_CREATED("orgbridge-organization-created.ftl", "orgbridgeOrganizationCreatedSubject", true),
    /** Off unless asked for: a busy realm creates users all day. */
    USER_CREATED_JUST_IN_TIME("orgbridge-user-provisioned.ftl", "orgbridgeUserProvisionedSubject", false),
    PROVISIONING_FAILURES("orgbridge-provisioning-failures.ftl", "orgbridgeProvisioningFailuresSubject", true),
    /** Quarantine and the mass-deletion guard. */
    TARGET_PAUSED("orgbridge-target-paused.ftl", "orgbridgeTargetPausedSubject", true);

    private final String template;
    private final String subjectKey;
    private final boolean onByDefault;

    NotificationKind(String template, String subjectKey, boolean onByDefault) {
        this.template = template;
        this.subjectKey = subjectKey;
        this.onByDefault = onByDefault;
    }

    /** The template's file name, found under {@code html/} and {@code text/} of the email theme. */
    public String template() {
        return template;
    }

    /** The message key of the subject line. */
    public String subjectKey() {
        return subjectKey;
    }

    /** Whether a target whose {@code notifyOn} is empty takes this kind. */
    public boolean onByDefault() {
        return onByDefault;
    }
}
