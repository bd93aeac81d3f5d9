package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.LoginMessages;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ScriptedEmail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Employees land in their company's organization on first login, and nobody lands in one they don't belong to. */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class OrganizationOnboardingIT extends BrokeredLoginTest {

    private AuthenticatorConfigRepresentation exportedPolicy;
    private long testStarted;

    @BeforeEach
    void rememberPolicy() {
        exportedPolicy = BrokerState.policy(broker);
        testStarted = System.currentTimeMillis();
    }

    @AfterEach
    void restorePolicy() {
        BrokerState.restorePolicy(broker, exportedPolicy);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void employeeOfRegisteredCompanyJoinsItsOrganization(CustomerIdp idp) {
        browser.logInToApp(idp, CustomerUser.CAROL).asOidcSignIn();

        assertEquals(List.of("globex"), organizationsOf(CustomerUser.CAROL));
        EventRepresentation register = onboardingEvent();
        assertEquals("joined", register.getDetails().get("decision"), register.getDetails().toString());
        assertEquals("globex", register.getDetails().get("org_alias"));
        assertEquals("globex.com", register.getDetails().get("domain"));
        assertEquals("false", register.getDetails().get("org_created"));
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void firstEmployeeOfNewCompanyCreatesItsOrganization(CustomerIdp idp) {
        browser.logInToApp(idp, CustomerUser.ALICE).asOidcSignIn();

        OrganizationRepresentation acme = BrokerState.organizations(broker).stream()
                .filter(o -> o.getAlias().equals("acme-com")).findFirst()
                .orElseThrow(() -> new AssertionError("no organization created for acme.com"));
        assertEquals(List.of("acme.com"), acme.getDomains().stream().map(OrganizationDomainRepresentation::getName).toList());
        assertTrue(acme.getDomains().iterator().next().isVerified(), "the created domain is verified");
        assertEquals(List.of(idp.alias()), acme.getAttributes().get("orgbridge.trusted-idps"));
        assertEquals(List.of("acme-com"), organizationsOf(CustomerUser.ALICE));
        EventRepresentation register = onboardingEvent();
        assertEquals("created", register.getDetails().get("decision"), register.getDetails().toString());
        assertEquals("true", register.getDetails().get("org_created"));
    }

    @Test
    void personalMailUserLogsInWithoutOrganizationByDefault() {
        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.DAN).asOidcSignIn();

        assertEquals(List.of(), organizationsOf(CustomerUser.DAN));
        assertEquals("no-organization", onboardingEvent().getDetails().get("decision"));
    }

    @Test
    void personalMailUserIsAskedForAWorkEmailWhenPolicyDenies() {
        BrokerState.changePolicy(broker, Map.of("personalEmail", List.of("deny")));

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.DAN).asPageShown();

        assertEquals(LoginMessages.english("orgbridgePersonalEmail"), page.message());
        assertNoUserCreated();
        assertEquals("orgbridge_personal_email", onlyError().getError());
    }

    @Test
    void personalMailUserJoinsTheFallbackOrganization() {
        OrganizationRepresentation individuals = new OrganizationRepresentation();
        individuals.setName("Individuals");
        individuals.setAlias("individuals");
        broker.admin().organizations().create(individuals).close();
        BrokerState.changePolicy(broker, Map.of("personalEmail", List.of("fallback-organization"),
                "fallbackOrganization", List.of("individuals")));

        browser.logInToApp(CustomerIdp.SAML, CustomerUser.DAN).asOidcSignIn();

        assertEquals(List.of("individuals"), organizationsOf(CustomerUser.DAN));
    }

    @ParameterizedTest
    @EnumSource(value = CustomerIdp.class, names = {"OIDC", "SAML"})
    void unverifiedEmailIsDeniedByDefault(CustomerIdp idp) {
        LoginOutcome.PageShown page = browser.logInToApp(idp, CustomerUser.BOB).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeEmailUnverified"), page.message());
        assertNoUserCreated();
        assertEquals("orgbridge_email_unverified", onlyError().getError());
    }

    @Test
    void unverifiedEmailLogsInWithoutOrganizationWhenPolicyAllows() {
        BrokerState.changePolicy(broker, Map.of("unverifiedEmail", List.of("no-organization")));

        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.BOB).asOidcSignIn();

        assertEquals(List.of(), organizationsOf(CustomerUser.BOB));
    }

    @Test
    void identityProviderNotTrustedByTheCompanyCannotPlaceUsersInIt() {
        ScriptedEmail.assertEmail(customerIdp, "mallory@globex.com");

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, CustomerUser.ALICE).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeIdpNotTrustedForDomain"), page.message());
        assertNoUserCreated();
        EventRepresentation error = onlyError();
        assertEquals("orgbridge_idp_not_trusted_for_domain", error.getError());
        assertEquals("globex.com", error.getDetails().get("domain"));
    }

    @Test
    void identityProviderNotAllowedToCreateOrganizationsCannotClaimANewCompany() {
        ScriptedEmail.assertEmail(customerIdp, "founder@newco.example");

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, CustomerUser.ALICE).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeIdpMayNotCreateOrganization"), page.message());
        assertNoUserCreated();
        assertEquals(List.of("globex"), BrokerState.organizations(broker).stream()
                .map(OrganizationRepresentation::getAlias).toList());
    }

    @Test
    void newCompanysNameAndAttributesComeFromItsIdentityProvider() {
        BrokerState.changePolicy(broker, Map.of(
                "idpsAllowedToCreate", List.of(CustomerIdp.SCRIPTED_OIDC.alias()),
                "organizationAttributes", List.of("region=region"),
                "linkIdpOnCreate", List.of("true")));
        ScriptedEmail.assertEmail(customerIdp, "founder@newco.example");
        ScriptedEmail.assertClaim(customerIdp, "organization", "NewCo Inc.");
        ScriptedEmail.assertClaim(customerIdp, "region", "EMEA");

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, CustomerUser.ALICE).asOidcSignIn();

        assertEquals("NewCo Inc.", organization("newco-example").getName());
        assertEquals(List.of("EMEA"), organization("newco-example").getAttributes().get("region"));
        assertEquals(List.of(CustomerIdp.SCRIPTED_OIDC.alias()), broker.admin().organizations()
                .get(organization("newco-example").getId()).identityProviders().getIdentityProviders().stream()
                .map(IdentityProviderRepresentation::getAlias).toList(), "the creating IdP is linked");

        // the company's directory changes; the next login from that company brings the organization up to date
        ScriptedEmail.assertEmail(customerIdp, "colleague@newco.example");
        ScriptedEmail.assertClaim(customerIdp, "region", "APAC");
        try (Browser colleague = new Browser()) {
            colleague.logInToApp(CustomerIdp.SCRIPTED_OIDC, CustomerUser.CAROL).asOidcSignIn();
        }
        assertEquals(List.of("APAC"), organization("newco-example").getAttributes().get("region"));
        assertEquals(List.of(CustomerIdp.SCRIPTED_OIDC.alias()),
                organization("newco-example").getAttributes().get("orgbridge.trusted-idps"));
    }

    @Test
    void unknownCompanyIsDeniedWhenOnlyRegisteredOrganizationsMayLogIn() {
        BrokerState.changePolicy(broker, Map.of("unknownDomain", List.of("deny")));

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.ALICE).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeOrganizationNotRegistered"), page.message());
        assertNoUserCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mallory@example;com", "mallory@@acme.com", "no-at-sign", "mallory@acme..com",
        "<script>alert(1)</script>@acme.com", "mallory@localhost"})
    void malformedEmailGetsAClearPageAndNoAccount(String email) {
        ScriptedEmail.assertEmail(customerIdp, email);

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, CustomerUser.ALICE).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeEmailMalformed"), page.message());
        assertTrue(!page.page().asXml().contains("<script>alert(1)"), "the claim is never echoed unescaped");
        assertNoUserCreated();
        assertEquals("orgbridge_email_malformed", onlyError().getError());
    }

    @Test
    void unknownUserIsTurnedAwayInExistingUsersOnlyMode() {
        BrokerState.changePolicy(broker, Map.of("createUsers", List.of("false")));

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.OIDC, CustomerUser.CAROL).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeNoAccount"), page.message());
        assertNoUserCreated();
        assertEquals("orgbridge_no_account", onlyError().getError());
    }

    @Test
    void returningUserJoinsOrganizationCreatedAfterTheirFirstLogin() {
        BrokerState.changePolicy(broker, Map.of("unknownDomain", List.of("no-organization")));
        browser.logInToApp(CustomerIdp.OIDC, CustomerUser.ALICE).asOidcSignIn();
        assertEquals(List.of(), organizationsOf(CustomerUser.ALICE));

        OrganizationRepresentation acme = new OrganizationRepresentation();
        acme.setName("Acme Corp");
        acme.setAlias("acme");
        OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
        domain.setName("acme.com");
        acme.addDomain(domain);
        acme.setAttributes(Map.of("orgbridge.trusted-idps", List.of(CustomerIdp.OIDC.alias())));
        broker.admin().organizations().create(acme).close();
        try (Browser nextDay = new Browser()) {
            nextDay.logInToApp(CustomerIdp.OIDC, CustomerUser.ALICE).asOidcSignIn();
        }

        assertEquals(List.of("acme"), organizationsOf(CustomerUser.ALICE));
    }

    private OrganizationRepresentation organization(String alias) {
        return BrokerState.organizations(broker).stream().filter(o -> o.getAlias().equals(alias)).findFirst()
                .orElseThrow(() -> new AssertionError("no organization " + alias));
    }

    private List<String> organizationsOf(CustomerUser customerUser) {
        UserRepresentation user = broker.admin().users().searchByEmail(customerUser.email(), true).stream()
                .findFirst().orElseThrow(() -> new AssertionError("no broker user for " + customerUser.email()));
        return broker.admin().organizations().members().getOrganizations(user.getId(), true).stream()
                .map(OrganizationRepresentation::getAlias).sorted().toList();
    }

    private void assertNoUserCreated() {
        assertEquals(List.of(), broker.admin().users().list().stream().map(UserRepresentation::getUsername).toList(),
                "a denied login leaves no user behind");
    }

    /** The event recording what onboarding did at first login. */
    private EventRepresentation onboardingEvent() {
        List<EventRepresentation> events = broker.admin()
                .getEvents(List.of("IDENTITY_PROVIDER_FIRST_LOGIN"), null, null, null, null, null, 0, 10).stream()
                .filter(e -> e.getDetails() != null && e.getDetails().containsKey("decision"))
                .filter(e -> e.getTime() >= testStarted)
                .toList();
        assertEquals(1, events.size(), "onboarding events: " + events.stream().map(e -> e.getDetails()).toList());
        return events.get(0);
    }

    private EventRepresentation onlyError() {
        List<EventRepresentation> errors = broker.admin().getEvents(null, null, null, null, null, null, 0, 50).stream()
                .filter(e -> e.getError() != null && e.getError().startsWith("orgbridge_"))
                .filter(e -> e.getTime() >= testStarted) // a late copy of the previous test's event may still land
                .toList();
        // Keycloak 26.7.3 stores this first-broker-login error event twice, with the same type and error: one denial
        assertEquals(1, errors.stream().map(e -> e.getType() + " " + e.getError()).distinct().count(),
                "orgbridge error events: " + errors.stream().map(e -> e.getType() + " " + e.getError()).toList());
        assertEquals("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", errors.get(0).getType());
        return errors.get(0);
    }
}
