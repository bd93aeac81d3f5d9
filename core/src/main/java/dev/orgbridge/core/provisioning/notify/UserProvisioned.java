package dev.orgbridge.core.provisioning.notify;

import java.util.List;
import java.util.Map;

/**
 * A user created just in time: by a first login through an identity provider.
 *
 * @param email            null when the identity provider sent none
 * @param organization     the name of the organization the user joined, or null
 * @param identityProvider the alias of the identity provider the user logged in through
 */
public record UserProvisioned(String username, String email, String organization, String identityProvider)
        implements Notification {

    public UserProvisioned {
        username = MailText.required(username, "username");
        email = MailText.line(email);
        organization = MailText.line(organization);
        identityProvider = MailText.required(identityProvider, "identityProvider");
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.USER_CREATED_JUST_IN_TIME;
    }

    @Override
    public List<Object> subjectArguments() {
        return List.of(username);
    }

    /** {@code username}, {@code email}, {@code organizationName}, {@code identityProvider}. */
    @Override
    public Map<String, Object> attributes() {
        return MailText.attributes("username", username, "email", email, "organizationName", organization,
                "identityProvider", identityProvider);
    }
}
