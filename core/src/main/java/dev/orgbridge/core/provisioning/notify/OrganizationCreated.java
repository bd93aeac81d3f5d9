package dev.orgbridge.core.provisioning.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A new organization: created by a user's first login through an identity provider (Orgbridge's onboarding), or by
 * an admin.
 *
 * @param domains          as the organization lists them; may be empty
 * @param identityProvider the alias of the identity provider whose login created it, or null when an admin did
 */
public record OrganizationCreated(String name, String alias, List<String> domains, String identityProvider)
        implements Notification {

    public OrganizationCreated {
        name = MailText.required(name, "name");
        alias = MailText.required(alias, "alias");
        domains = Objects.requireNonNull(domains, "domains").stream().map(MailText::line).filter(Objects::nonNull)
                .toList();
        identityProvider = MailText.line(identityProvider);
    }

    /** Created by an admin (console, admin REST, import). */
    public static OrganizationCreated byAdmin(String name, String alias, List<String> domains) {
        return new OrganizationCreated(name, alias, domains, null);
    }

    /** Created by a user's first login through the identity provider {@code identityProvider}. */
    public static OrganizationCreated atLogin(String name, String alias, List<String> domains,
            String identityProvider) {
        return new OrganizationCreated(name, alias, domains, MailText.required(identityProvider, "identityProvider"));
    }

    @Override
    public NotificationKind kind() {
        return NotificationKind.ORGANIZATION_CREATED;
    }

    @Override
    public List<Object> subjectArguments() {
        return List.of(name);
    }

    /** {@code organizationName}, {@code organizationAlias}, {@code organizationDomains}, {@code identityProvider}. */
    @Override
    public Map<String, Object> attributes() {
        return MailText.attributes("organizationName", name, "organizationAlias", alias,
                "organizationDomains", domains, "identityProvider", identityProvider);
    }
}
