package dev.orgbridge.delivery.notify;

import dev.orgbridge.core.domain.EmailAddress;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

/**
 * A notification's recipient as Keycloak's email templates see a user. Keycloak's template provider renders for a
 * user: it takes the mail's language from the user's {@code locale} attribute and shows the user to the template.
 * An admin address is nobody's account, so this user exists only in memory, answers its address and the target's
 * locale, and refuses every change; nothing is stored.
 */
final class NotificationRecipient extends AbstractInMemoryUserAdapter {

    /** Not a user id Keycloak could ever hand out (those are UUIDs), so nothing mistakes it for a stored user. */
    private static final String ID = "orgbridge-notification-recipient";

    NotificationRecipient(KeycloakSession session, RealmModel realm, EmailAddress address, Optional<Locale> locale) {
        super(session, realm, ID);
        setUsername(address.toString());
        setEmail(address.toString());
        locale.ifPresent(language -> setSingleAttribute(UserModel.LOCALE, language.toLanguageTag()));
        setReadonly(true);
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        throw new UnsupportedOperationException("a notification recipient has no credentials");
    }
}
