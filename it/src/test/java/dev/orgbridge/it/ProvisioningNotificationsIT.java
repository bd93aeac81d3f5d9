package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.Mailbox;
import dev.orgbridge.it.harness.Mailbox.Mail;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ProvisioningTargetsApi;
import dev.orgbridge.it.harness.TestUsers;
import dev.orgbridge.it.harness.WebhookReceiver;
import dev.orgbridge.it.harness.WebhookReceiver.Answer;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The admins hear about provisioning by mail, through the realm's own SMTP server and with Keycloak's default email
 * theme: a new organization, a user created just in time when they asked for it, and failed deliveries as one digest
 * per interval however many fail (docs/provisioning.md#notifications).
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class ProvisioningNotificationsIT extends BrokeredLoginTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for the worker (ticking every second) to have mailed anything it would. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final String OPS = "ops@app.test";

    @InjectAdminClient
    Keycloak admin;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private ProvisioningTargetsApi targets;
    private Mailbox mailbox;

    @BeforeEach
    void mailToLoopback() {
        targets = new ProvisioningTargetsApi(broker, admin);
        mailbox = Mailbox.of(broker.admin());
    }

    @AfterEach
    void removeTargets() {
        targets.removeAll();
        mailbox.close();
        receiver.close();
    }

    @Test
    void anOrganizationAnAdminCreatesIsMailedOnceWithKeycloaksOwnEmailTheme() {
        assertNull(broker.admin().toRepresentation().getEmailTheme(), "the realm keeps Keycloak's default theme");
        notifyOn(Map.of("notifyOn", List.of("organization-created")));

        createOrganization("Initech", "initech", "initech.com");

        Mail mail = only(mailbox.await(1, WAIT));
        assertEquals(OPS, mail.to());
        assertEquals("New organization: Initech", mail.subject());
        assertTrue(mail.text().contains("Domains: initech.com"), mail.text());
        assertTrue(mail.text().contains("Created by: an administrator"), mail.text());
        assertTrue(mail.text().contains("notification target: ops mails"), mail.text());
        assertEquals(1, quietly().size(), "one mail, not one per node or per retry");
    }

    @Test
    void theMailsAreInTheTargetsLanguage() {
        notifyOn(Map.of("notifyOn", List.of("organization-created"), "locale", List.of("de")));

        createOrganization("Initech", "initech", "initech.com");

        Mail mail = only(mailbox.await(1, WAIT));
        assertEquals("Neue Organisation: Initech", mail.subject());
        assertTrue(mail.text().contains("Eine neue Organisation wurde angelegt."), mail.text());
    }

    @Test
    void aFirstLoginThatCreatesItsCompanyIsMailedWithTheUserWhenAskedFor() {
        notifyOn(Map.of("notifyOn", List.of("organization-created", "user-created-just-in-time")));

        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.ALICE).asOidcSignIn();

        List<Mail> mails = mailbox.await(2, WAIT);
        Mail organization = about(mails, "New organization: ");
        assertTrue(organization.text().contains("Domains: acme.com"), organization.text());
        assertTrue(organization.text().contains("Identity provider: " + CustomerIdp.OIDC.alias()),
                organization.text());
        Mail user = about(mails, "New user from single sign-on: ");
        assertTrue(user.text().contains("Email: " + CustomerUser.ALICE.email()), user.text());
        assertTrue(user.text().contains("Identity provider: " + CustomerIdp.OIDC.alias()), user.text());
        assertTrue(user.text().contains("Organization: "), user.text());
        assertEquals(2, quietly().size(), mailbox.received().toString());
    }

    @Test
    void aJustInTimeUserIsNotMailedUnlessAskedFor() {
        notifyOn(Map.of());
        targets.addWebhook("app", receiver.url(), Map.of());

        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asOidcSignIn();

        receiver.await(d -> "user.created".equals(d.type()), d -> !d.isEmpty(), WAIT);
        assertEquals(List.of(), quietly(), "notifyOn is empty: everything but users created just in time");
    }

    @Test
    void aUserAnAdminCreatesIsNoNews() {
        notifyOn(Map.of("notifyOn", List.of("user-created-just-in-time")));
        targets.addWebhook("app", receiver.url(), Map.of());

        TestUsers.create(broker.admin(), "jdoe", "jdoe@acme.com", true, "password");

        receiver.await(d -> "jdoe".equals(d.username()), d -> !d.isEmpty(), WAIT);
        assertEquals(List.of(), quietly(), "only users created by a login through an identity provider");
    }

    @Test
    void anAppThatKeepsFailingIsReportedInOneDigest() {
        notifyOn(Map.of("notifyOn", List.of("provisioning-failures"), "digestMinutes", List.of("5")));
        receiver.answer(Answer.status(500));
        targets.addWebhook("app", receiver.url(), Map.of("maxAttempts", List.of("100"),
                "quarantineAfterFailures", List.of("100000")));

        IntStream.range(0, 10).forEach(i -> TestUsers.create(broker.admin(), "fail" + i, "fail" + i + "@acme.com",
                true, "password"));

        Mail digest = only(mailbox.await(1, WAIT));
        assertEquals("Provisioning failures at app", digest.subject());
        assertTrue(digest.text().contains("HTTP 500") && digest.text().contains("user.created"), digest.text());
        receiver.await(d -> d.answeredWith() == 500, d -> d.size() >= 20, WAIT);
        assertEquals(1, quietly().size(), "twenty failed calls and more, one mail in the interval: "
                + receiver.received().size() + " calls");
    }

    @Test
    void aNotificationTargetWithBadSettingsIsRefused() {
        for (Map<String, List<String>> bad : List.of(
                Map.of("recipients", List.of("not an address")),
                Map.of("recipients", List.of(OPS), "notifyOn", List.of("everything")),
                Map.of("recipients", List.of(OPS), "digestMinutes", List.of("1")),
                Map.of("recipients", List.of(OPS), "locale", List.of("it")))) {
            AssertionError refused = assertThrows(AssertionError.class,
                    () -> targets.add("orgbridge-email-notifications", "ops mails", bad));
            assertTrue(refused.getMessage().startsWith("target not created: 400"), bad + ": " + refused.getMessage());
        }
    }

    private void notifyOn(Map<String, List<String>> options) {
        Map<String, List<String>> settings = new HashMap<>(options);
        settings.put("recipients", List.of(OPS));
        targets.add("orgbridge-email-notifications", "ops mails", settings);
    }

    private void createOrganization(String name, String alias, String domain) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(name);
        organization.setAlias(alias);
        OrganizationDomainRepresentation domainName = new OrganizationDomainRepresentation();
        domainName.setName(domain);
        organization.addDomain(domainName);
        try (Response created = broker.admin().organizations().create(organization)) {
            assertEquals(201, created.getStatus());
        }
    }

    /** Every mail after a quiet while: what the worker sent, and nothing it would still send. */
    private List<Mail> quietly() {
        try {
            Thread.sleep(QUIET.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return mailbox.received();
    }

    private static Mail only(List<Mail> mails) {
        assertEquals(1, mails.size(), mails.toString());
        return mails.get(0);
    }

    private static Mail about(List<Mail> mails, String subjectStart) {
        return mails.stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail \"" + subjectStart + "…\" in " + mails));
    }
}
