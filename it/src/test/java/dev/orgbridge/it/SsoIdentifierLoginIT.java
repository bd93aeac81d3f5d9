package dev.orgbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.BrokerState;
import dev.orgbridge.it.harness.BrokeredLoginTest;
import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import dev.orgbridge.it.harness.LoginMessages;
import dev.orgbridge.it.harness.LoginOutcome;
import dev.orgbridge.it.harness.OrgbridgeServer;
import dev.orgbridge.it.harness.ScriptedEmail;
import dev.orgbridge.it.harness.TestUsers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * An admin set up John Smith with SSO identifier EMP-001 before his company's SSO went live; his IdP sends his
 * employee id as the SAML NameID (in whatever case its directory holds). He lands in his account, never in a new one.
 */
@KeycloakIntegrationTest(config = OrgbridgeServer.class)
class SsoIdentifierLoginIT extends BrokeredLoginTest {

    private static final String LINK_STEP = "orgbridge-sso-identifier-link";
    private static final String SAML_CLIENT_AT_IDP = "http://localhost:8080/realms/app";

    private final List<Runnable> undo = new ArrayList<>();
    private CustomerDirectory directory;
    private String jsmith;

    @BeforeEach
    void johnSmithHasAnAccount() {
        directory = new CustomerDirectory(customerIdp);
        jsmith = TestUsers.create(broker.admin(), "jsmith", "john.smith@acme.com", true, "password");
        UserRepresentation john = broker.admin().users().get(jsmith).toRepresentation();
        john.setAttributes(new HashMap<>(Map.of("ssoIdentifier", List.of("EMP-001"))));
        broker.admin().users().get(jsmith).update(john);
        sendEmployeeIdAsNameId();
    }

    @AfterEach
    void undoChanges() {
        directory.letAllGo();
        Collections.reverse(undo);
        undo.forEach(Runnable::run);
        undo.clear();
    }

    @Test
    void nameIdEqualToTheIdentifierLinksToTheAccount() {
        CustomerUser john = employee("EMP-001");

        browser.logInToApp(CustomerIdp.SAML, john).asOidcSignIn();

        assertEquals(List.of("jsmith"), usernames(), "no second account");
        assertEquals(List.of("acme-saml EMP-001"), links(jsmith));
    }

    @Test
    void nameIdInAnotherCaseLinksToTheSameAccount() {
        CustomerUser john = employee("emp-001");

        browser.logInToApp(CustomerIdp.SAML, john).asOidcSignIn();

        assertEquals(List.of("jsmith"), usernames());
    }

    @Test
    void aReturningUserWhoseNameIdChangedCaseKeepsTheAccount() {
        CustomerUser john = employee("EMP-001");
        browser.logInToApp(CustomerIdp.SAML, john).asOidcSignIn();

        directory.change(john, Map.of("employeeId", List.of("emp-001")));
        try (Browser nextDay = new Browser()) {
            nextDay.logInToApp(CustomerIdp.SAML, john).asOidcSignIn();
        }

        assertEquals(List.of("jsmith"), usernames());
        assertEquals(List.of("acme-saml emp-001"), links(jsmith), "one link, in the IdP's new spelling");
    }

    @Test
    void noMatchGoesOnToJustInTimeCreationByDefault() {
        CustomerUser newcomer = employee("EMP-999");

        browser.logInToApp(CustomerIdp.SAML, newcomer).asOidcSignIn();

        assertEquals(2, usernames().size(), "a new account for a new employee: " + usernames());
    }

    @Test
    void noMatchStopsTheLoginWhenConfigured() {
        changeStep(Map.of("noMatch", "deny"));
        CustomerUser newcomer = employee("EMP-999");

        LoginOutcome.PageShown page = browser.logInToApp(CustomerIdp.SAML, newcomer).asPageShown();

        assertEquals(LoginMessages.english("orgbridgeSsoIdentifierUnknown"), page.message());
        assertEquals(List.of("jsmith"), usernames());
    }

    @Test
    void anOidcIdentityProviderMatchesTheConfiguredClaim() {
        changeStep(Map.of("oidcClaim", "employeeId"));
        ScriptedEmail.assertEmail(customerIdp, "someone.else@gmail.com");
        ScriptedEmail.assertClaim(customerIdp, "employeeId", "Emp-001");
        undo.add(() -> ScriptedEmail.assertClaim(customerIdp, "employeeId", "none"));

        browser.logInToApp(CustomerIdp.SCRIPTED_OIDC, CustomerUser.ALICE).asOidcSignIn();

        assertEquals(List.of("jsmith"), usernames());
        assertEquals(1, links(jsmith).stream().filter(l -> l.startsWith("scripted-oidc ")).count());
    }

    /** A new employee at the IdP, whose NameID is this employee id. */
    private CustomerUser employee(String employeeId) {
        return directory.hire("emp" + Math.abs(employeeId.hashCode() % 1000), "erin.example@acme.com",
                Map.of("employeeId", List.of(employeeId)));
    }

    /** The customer IdP sends the user's employeeId attribute as NameID to the broker (a NameID mapper). */
    private void sendEmployeeIdAsNameId() {
        ClientResource samlClient = customerIdp.admin().clients().get(customerIdp.admin().clients()
                .findByClientId(SAML_CLIENT_AT_IDP).get(0).getId());
        ProtocolMapperRepresentation nameId = new ProtocolMapperRepresentation();
        nameId.setName("employee id as NameID");
        nameId.setProtocol("saml");
        nameId.setProtocolMapper("saml-user-attribute-nameid-mapper");
        nameId.setConfig(Map.of("mapper.nameid.format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
                "user.attribute", "employeeId"));
        samlClient.getProtocolMappers().createMapper(nameId).close();
        String id = samlClient.getProtocolMappers().getMappers().stream()
                .filter(m -> m.getName().equals(nameId.getName())).findFirst().orElseThrow().getId();
        undo.add(() -> samlClient.getProtocolMappers().delete(id));
    }

    private void changeStep(Map<String, String> options) {
        AuthenticatorConfigRepresentation config = BrokerState.stepConfig(broker, LINK_STEP);
        Map<String, String> before = new HashMap<>(config.getConfig());
        config.getConfig().putAll(options);
        broker.admin().flows().updateAuthenticatorConfig(config.getId(), config);
        undo.add(() -> {
            config.setConfig(before);
            broker.admin().flows().updateAuthenticatorConfig(config.getId(), config);
        });
    }

    private List<String> usernames() {
        return broker.admin().users().list().stream().map(UserRepresentation::getUsername).sorted().toList();
    }

    private List<String> links(String userId) {
        return broker.admin().users().get(userId).getFederatedIdentity().stream()
                .map(link -> link.getIdentityProvider() + " " + link.getUserId())
                .sorted().toList();
    }
}
