package dev.orgbridge.delivery.targets;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.domain.InvalidEmailException;
import dev.orgbridge.core.provisioning.notify.DigestSchedule;
import dev.orgbridge.core.provisioning.notify.NotificationKind;
import dev.orgbridge.core.provisioning.notify.NotifyOn;
import dev.orgbridge.support.config.SettingsReader;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Notification target {@code orgbridge-email-notifications}: mails to admins about provisioning (new organizations,
 * users created just in time, failure digests, paused targets), sent through the realm's SMTP settings and written
 * by its email theme. Settings are checked when the component is saved: a malformed address, an unknown kind, a
 * digest interval out of range or a language the realm does not offer is a 400.
 */
public final class EmailNotificationTargetFactory extends AbstractTargetFactory {

    public static final String PROVIDER_ID = "orgbridge-email-notifications";

    static final String RECIPIENTS = "recipients";
    static final String NOTIFY_ON = "notifyOn";
    static final String DIGEST_MINUTES = "digestMinutes";
    static final String LOCALE = "locale";

    /** Each address is one SMTP conversation of the worker; more readers are a mailing list's job. */
    static final int MAX_RECIPIENTS = 20;

    private static final String KIND = "notification target";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(RECIPIENTS).label("Recipients")
            .helpText("The email addresses that get the notifications, at most " + MAX_RECIPIENTS + ".")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).required(true).add()
            .property().name(NOTIFY_ON).label("Notify on")
            .helpText("What to send: organization-created, user-created-just-in-time, provisioning-failures (a "
                    + "digest), target-paused (quarantine, mass-deletion guard); empty: all but "
                    + "user-created-just-in-time.")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options(SettingsReader.options(NotificationKind.values())).add()
            .property().name(DIGEST_MINUTES).label("Failure digest interval (minutes)")
            .helpText("At most one provisioning-failures mail per failing target in this many minutes, "
                    + DigestSchedule.MIN_MINUTES + " to " + DigestSchedule.MAX_MINUTES + ".")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(String.valueOf(DigestSchedule.DEFAULT.interval().toMinutes())).add()
            .property().name(LOCALE).label("Language")
            .helpText("The mails' language, one of the realm's supported locales such as de; empty: the realm's "
                    + "default locale.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .build();

    public EmailNotificationTargetFactory() {
        super(PROVIDER_ID, "Orgbridge: provisioning notifications by email to admins, through the realm's SMTP "
                + "settings.", PROPERTIES);
    }

    @Override
    void check(RealmModel realm, ComponentModel model) {
        SettingsReader settings = TargetSettings.read(KIND + " '" + model.getName() + "'", model);
        Optional<Locale> locale = read(model, settings).locale();
        if (locale.isPresent()) {
            requireOffered(settings, realm, locale.get());
        }
    }

    @Override
    public ProvisioningTarget create(KeycloakSession session, ComponentModel model) {
        return read(model, TargetSettings.read(KIND + " '" + model.getName() + "'", model));
    }

    private static EmailNotificationTarget read(ComponentModel model, SettingsReader settings) {
        List<String> addresses = settings.values(RECIPIENTS);
        if (addresses.isEmpty()) {
            throw settings.invalid(RECIPIENTS, "is required");
        }
        if (addresses.size() > MAX_RECIPIENTS) {
            throw settings.invalid(RECIPIENTS, "lists " + addresses.size() + " addresses, more than "
                    + MAX_RECIPIENTS + ": send to a mailing list instead");
        }
        Set<EmailAddress> recipients = new LinkedHashSet<>();
        for (String address : addresses) {
            try {
                recipients.add(EmailAddress.parse(address));
            } catch (InvalidEmailException e) {
                throw settings.invalid(RECIPIENTS, "lists an address that is not valid: " + e.getMessage());
            }
        }
        NotifyOn notifyOn = NotifyOn.of(settings.choices(NOTIFY_ON, NotificationKind.values()));
        DigestSchedule digest = DigestSchedule.ofMinutes(settings.integer(DIGEST_MINUTES,
                (int) DigestSchedule.DEFAULT.interval().toMinutes(), DigestSchedule.MIN_MINUTES,
                DigestSchedule.MAX_MINUTES));
        Optional<Locale> locale = settings.text(LOCALE).map(tag -> languageTag(settings, tag));
        return new EmailNotificationTarget(model.getId(), model.getName(), List.copyOf(recipients), notifyOn, digest,
                locale);
    }

    private static Locale languageTag(SettingsReader settings, String tag) {
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            throw settings.invalid(LOCALE, "is " + tag + ", which is not a language tag such as de or pt-BR");
        }
    }

    /**
     * Keycloak writes a mail in the recipient's language only when the realm has internationalization on and offers
     * that language; otherwise silently in English or the realm's default. Saying so at save time spares the admin
     * the surprise.
     */
    private static void requireOffered(SettingsReader settings, RealmModel realm, Locale locale) {
        String tag = locale.toLanguageTag();
        if (!realm.isInternationalizationEnabled()) {
            throw settings.invalid(LOCALE, "is " + tag + ", but realm " + realm.getName() + " has internationalization "
                    + "off, so Keycloak writes every mail in English: turn it on, or leave " + LOCALE + " empty");
        }
        Set<String> offered = realm.getSupportedLocalesStream().collect(Collectors.toCollection(LinkedHashSet::new));
        if (offered.stream().noneMatch(tag::equalsIgnoreCase)) {
            throw settings.invalid(LOCALE, "is " + tag + ", which realm " + realm.getName() + " does not offer (it "
                    + "offers " + String.join(", ", offered) + ")");
        }
    }
}
