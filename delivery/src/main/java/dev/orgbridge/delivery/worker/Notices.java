package dev.orgbridge.delivery.worker;

import dev.orgbridge.core.provisioning.notify.Notification;
import dev.orgbridge.delivery.notify.NotificationException;
import dev.orgbridge.delivery.notify.NotificationMailer;
import dev.orgbridge.delivery.targets.EmailNotificationTarget;
import dev.orgbridge.delivery.targets.EmailNotificationTargetFactory;
import dev.orgbridge.delivery.targets.ProvisioningTargets;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Mails what the worker notices (a target quarantined or paused) to the realm's notification targets that take it,
 * after the state change committed: a mail that cannot go is logged, never undoes the change.
 */
final class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);

    private final KeycloakSessionFactory sessionFactory;
    private final NotificationMailer mailer = new NotificationMailer();

    Notices(KeycloakSessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    void send(String realmId, Notification notification) {
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                return;
            }
            session.getContext().setRealm(realm);
            for (ComponentModel component : realm.getComponentsStream(realm.getId(), ProvisioningTargets.TYPE)
                    .filter(c -> EmailNotificationTargetFactory.PROVIDER_ID.equals(c.getProviderId())).toList()) {
                try {
                    mailer.send(session, realm, (EmailNotificationTarget) ProvisioningTargets.of(session, component),
                            notification);
                } catch (NotificationException | RuntimeException e) {
                    LOG.warnf("Orgbridge could not mail the %s notice of realm %s through notification target '%s': "
                            + "%s", notification.kind(), realm.getName(), component.getName(), e.getMessage());
                }
            }
        });
    }
}
